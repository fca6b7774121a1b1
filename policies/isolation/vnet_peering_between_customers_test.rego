package erguard.rules.isolation.vnet_peering_between_customers_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.vnet_peering_between_customers as rule

peered(sub, name, remote) := fx.vnet(sub, name, ["10.1.0.0/16"], [], {"properties": {"virtualNetworkPeerings": [fx.peering_to(remote, {})]}})

test_peering_within_one_customer_passes if {
	v := peered(fx.sub_a, "spoke", fx.vnet_id(fx.sub_a, "hub"))
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [v, fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {})])
}

test_peering_across_customers_fails if {
	v := peered(fx.sub_a, "spoke", fx.vnet_id(fx.sub_b, "fabrikam-hub"))
	fx.ids(rule.deny) == {lower(v.id)} with input as fx.snapshot_for(fx.customers, [v])
}

test_peering_with_a_network_of_unknown_customer_is_unknown if {
	v := peered(fx.sub_a, "spoke", fx.vnet_id(fx.sub_csp, "shared"))
	estate := fx.snapshot_for(fx.customers, [v])
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(v.id)} with input as estate
}
