package erguard.rules.routing.customer_address_overlap_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.customer_address_overlap as rule

# A virtual network with a gateway linked to a circuit, in subscription `sub`.
linked(sub, prefix) := [
	fx.vnet(sub, "hub", [prefix], [], {}),
	fx.gateway(sub, "ergw", "hub", {}),
	fx.connection(sub, "conn", fx.gateway_id(sub, "ergw"), fx.circuit_id(sub, "er-1"), {}),
]

through_both := [{"name": "contoso", "subscriptions": [fx.sub_a], "model": "connect-through"}, {"name": "fabrikam", "subscriptions": [fx.sub_b], "model": "connect-through"}]

test_distinct_address_spaces_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(through_both, array.concat(linked(fx.sub_a, "10.1.0.0/16"), linked(fx.sub_b, "10.2.0.0/16")))
}

test_overlapping_connect_through_customers_fail if {
	estate := fx.snapshot_for(through_both, array.concat(linked(fx.sub_a, "10.1.0.0/16"), linked(fx.sub_b, "10.1.128.0/17")))
	fx.ids(rule.deny) == {lower(fx.vnet_id(fx.sub_a, "hub")), lower(fx.vnet_id(fx.sub_b, "hub"))} with input as estate
}

test_a_connect_to_customer_may_reuse_addresses_and_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, array.concat(linked(fx.sub_a, "10.1.0.0/16"), linked(fx.sub_b, "10.1.0.0/16")))
}
