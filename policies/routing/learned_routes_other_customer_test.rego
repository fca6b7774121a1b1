package erguard.rules.routing.learned_routes_other_customer_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.learned_routes_other_customer as rule

fabrikam_vnet := fx.vnet(fx.sub_b, "fabrikam-hub", ["10.2.0.0/16"], [], {})

gw(routes) := fx.gateway(fx.sub_a, "ergw", "hub", {"runtime": {"learnedRoutes": routes}})

learned(network) := {"network": network, "origin": "EBgp", "asPath": "65010"}

test_routes_to_the_customers_own_premises_pass if {
	estate := fx.snapshot_for(fx.customers, [fabrikam_vnet, gw([learned("172.20.0.0/16"), learned("0.0.0.0/0")])])
	count(rule.deny) == 0 with input as estate
}

test_a_route_to_another_customers_network_fails if {
	g := gw([learned("10.2.4.0/24")])
	fx.ids(rule.deny) == {lower(g.id)} with input as fx.snapshot_for(fx.customers, [fabrikam_vnet, g])
}

test_without_learned_routes_it_is_unknown if {
	g := fx.gateway(fx.sub_a, "ergw", "hub", {})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.snapshot_for(fx.customers, [fabrikam_vnet, g])
}
