package erguard.rules.encryption.connect_through_encryption_chosen_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.connect_through_encryption_chosen as rule

test_a_connect_through_customer_with_a_control_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [fx.circuit(fx.sub_a, "er-1", {})]) with data.erguard.config.customers as {"contoso": {"encryption": "ipsec"}}
}

test_a_connect_through_customer_without_a_control_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot_for(fx.customers, [c])
}

test_a_connect_to_customer_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [fx.circuit(fx.sub_b, "er-1", {})])
}
