package erguard.rules.routing.vnet_bgp_community_shared_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.vnet_bgp_community_shared as rule

vnet(sub, name, community) := fx.vnet(sub, name, ["10.0.0.0/16"], [], {"properties": {"bgpCommunities": {"virtualNetworkCommunity": community}}})

test_one_community_per_customer_passes if {
	estate := fx.snapshot_for(fx.customers, [vnet(fx.sub_a, "a1", "12076:20001"), vnet(fx.sub_a, "a2", "12076:20001"), vnet(fx.sub_b, "b1", "12076:20002")])
	count(rule.deny) == 0 with input as estate
}

test_a_community_shared_between_customers_fails if {
	a := vnet(fx.sub_a, "a1", "12076:20001")
	b := vnet(fx.sub_b, "b1", "12076:20001")
	fx.ids(rule.deny) == {lower(a.id), lower(b.id)} with input as fx.snapshot_for(fx.customers, [a, b])
}
