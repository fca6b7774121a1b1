package erguard.rules.encryption.circuit_encryption_required_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.circuit_encryption_required as rule

requires(kind) := {"contoso": {"encryption": kind}}

er := fx.circuit(fx.sub_a, "er-1", {})

er_path := [
	er,
	fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {}),
	fx.gateway(fx.sub_a, "ergw", "hub", {}),
	fx.connection(fx.sub_a, "conn", fx.gateway_id(fx.sub_a, "ergw"), er.id, {}),
]

overlay(private_ip) := [
	fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "enablePrivateIpAddress": private_ip}}),
	fx.connection(fx.sub_a, "s2s", fx.gateway_id(fx.sub_a, "vpngw"), null, {"properties": {"connectionType": "IPsec", "peer": null, "useLocalAzureIpAddress": true}}),
]

direct(port_extra) := [
	fx.circuit(fx.sub_a, "er-1", {"properties": {"expressRoutePort": {"id": fx.port_id(fx.sub_a, "port-1")}, "bandwidthInGbps": 10}}),
	fx.port(fx.sub_a, "port-1", port_extra),
]

test_an_ipsec_overlay_over_private_peering_passes if {
	estate := fx.snapshot_for(fx.customers, array.concat(er_path, overlay(true)))
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as requires("ipsec")
}

test_a_vpn_gateway_on_public_ips_fails_the_ipsec_requirement if {
	estate := fx.snapshot_for(fx.customers, array.concat(er_path, overlay(false)))
	fx.ids(rule.deny) == {lower(er.id)} with input as estate with data.erguard.config.customers as requires("ipsec")
}

test_macsec_on_the_direct_port_passes_macsec_and_any if {
	estate := fx.snapshot_for(fx.customers, direct({}))
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as requires("macsec")
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as requires("any")
}

test_a_provider_circuit_fails_the_macsec_requirement if {
	fx.ids(rule.deny) == {lower(er.id)} with input as fx.snapshot_for(fx.customers, er_path) with data.erguard.config.customers as requires("macsec")
}

test_customers_without_an_encryption_requirement_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, er_path)
}

test_a_port_outside_the_snapshot_is_unknown if {
	estate := fx.snapshot_for(fx.customers, [fx.circuit(fx.sub_a, "er-1", {"properties": {"expressRoutePort": {"id": fx.port_id(fx.sub_b, "elsewhere")}}})])
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as requires("macsec")
	fx.ids(rule.unknown) == {lower(er.id)} with input as estate with data.erguard.config.customers as requires("macsec")
}
