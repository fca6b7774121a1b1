package erguard.rules.routing.vnet_overlaps_onpremises_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.vnet_overlaps_onpremises as rule

hub := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {})

ergw(routes) := fx.gateway(fx.sub_a, "ergw", "hub", {"runtime": {"learnedRoutes": routes}})

learned(network) := {"network": network, "origin": "EBgp", "asPath": "65010"}

test_distinct_onpremises_routes_pass if {
	estate := fx.snapshot([hub, ergw([learned("172.16.0.0/12"), learned("0.0.0.0/0")])])
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_a_learned_route_inside_the_vnet_fails if {
	fx.ids(rule.deny) == {lower(hub.id)} with input as fx.snapshot([hub, ergw([learned("10.0.8.0/24")])])
}

test_an_overlapping_local_network_gateway_fails if {
	lng := fx.resource(fx.sub_a, "Microsoft.Network/localNetworkGateways", "onprem", {"properties": {"localNetworkAddressSpace": {"addressPrefixes": ["10.0.0.0/8"]}}})
	vpn := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn"}})
	conn := fx.connection(fx.sub_a, "s2s", vpn.id, null, {"properties": {"connectionType": "IPsec", "peer": null, "localNetworkGateway2": {"id": lng.id}}})
	fx.ids(rule.deny) == {lower(hub.id)} with input as fx.snapshot([hub, vpn, conn, lng])
}

test_an_expressroute_gateway_without_runtime_state_is_unknown if {
	estate := fx.snapshot([hub, fx.gateway(fx.sub_a, "ergw", "hub", {})])
	fx.ids(rule.unknown) == {lower(hub.id)} with input as estate
}
