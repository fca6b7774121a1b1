package erguard.rules.encryption.ipsec_overlay_bypassed_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.ipsec_overlay_bypassed as rule

lng := fx.resource(fx.sub_a, "Microsoft.Network/localNetworkGateways", "onprem", {"properties": {
	"gatewayIpAddress": "172.16.255.4",
	"localNetworkAddressSpace": {"addressPrefixes": ["172.20.0.0/16"]},
}})

vpn := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "enablePrivateIpAddress": true}})

overlay := fx.connection(fx.sub_a, "s2s", vpn.id, null, {"properties": {"connectionType": "IPsec", "peer": null, "useLocalAzureIpAddress": true, "localNetworkGateway2": {"id": lng.id}}})

ergw(routes) := fx.gateway(fx.sub_a, "ergw", "hub", {"runtime": {"learnedRoutes": routes, "defaultRouteLearned": false}})

learned(network) := {"network": network, "origin": "EBgp", "asPath": "65010", "nextHop": "192.168.100.1"}

test_only_the_device_prefix_over_expressroute_passes if {
	estate := fx.snapshot([lng, vpn, overlay, ergw([learned("172.16.255.0/24")])])
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_protected_prefixes_learned_over_expressroute_fail if {
	estate := fx.snapshot([lng, vpn, overlay, ergw([learned("172.16.255.0/24"), learned("172.20.8.0/21")])])
	fx.ids(rule.deny) == {lower(vpn.id)} with input as estate
}

test_without_learned_routes_it_is_unknown if {
	estate := fx.snapshot([lng, vpn, overlay, fx.gateway(fx.sub_a, "ergw", "hub", {})])
	fx.ids(rule.unknown) == {lower(vpn.id)} with input as estate
}

test_vpn_gateways_on_public_ips_are_out_of_scope_and_pass if {
	public_vpn := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn"}})
	count(rule.deny) == 0 with input as fx.snapshot([lng, public_vpn, overlay, ergw([learned("172.20.0.0/16")])])
}
