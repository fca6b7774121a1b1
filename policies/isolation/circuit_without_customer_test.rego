package erguard.rules.isolation.circuit_without_customer_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.circuit_without_customer as rule

test_a_circuit_in_a_customer_subscription_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [fx.circuit(fx.sub_a, "er-1", {})])
}

test_a_tagged_circuit_in_a_shared_subscription_passes if {
	c := fx.circuit(fx.sub_csp, "er-1", {"tags": {"erguard-customer": "contoso"}})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [c])
}

test_an_unattributed_circuit_fails if {
	c := fx.circuit(fx.sub_csp, "er-1", {})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot_for(fx.customers, [c])
}

test_without_a_customer_list_circuits_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.circuit(fx.sub_csp, "er-1", {})])
}
