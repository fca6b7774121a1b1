package erguard.rules.isolation.customer_tag_matches_subscription_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.customer_tag_matches_subscription as rule

test_a_tag_agreeing_with_the_subscription_passes if {
	v := fx.vnet(fx.sub_a, "spoke", ["10.0.0.0/16"], [], {"tags": {"erguard-customer": "contoso"}})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [v])
}

test_a_tag_on_a_shared_subscription_passes if {
	v := fx.vnet(fx.sub_csp, "spoke", ["10.0.0.0/16"], [], {"tags": {"erguard-customer": "fabrikam"}})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [v])
}

test_a_tag_naming_another_customer_fails if {
	v := fx.vnet(fx.sub_a, "spoke", ["10.0.0.0/16"], [], {"tags": {"Erguard-Customer": "fabrikam"}})
	fx.ids(rule.deny) == {lower(v.id)} with input as fx.snapshot_for(fx.customers, [v])
}

test_a_tag_naming_an_unknown_customer_fails if {
	c := fx.circuit(fx.sub_csp, "er-1", {"tags": {"erguard-customer": "northwind"}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot_for(fx.customers, [c])
}

test_resources_outside_the_rule_types_pass if {
	ip := fx.resource(fx.sub_a, "Microsoft.Network/publicIPAddresses", "pip", {"tags": {"erguard-customer": "fabrikam"}})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [ip])
}
