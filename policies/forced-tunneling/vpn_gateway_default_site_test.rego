package erguard.rules.forced_tunneling.vpn_gateway_default_site_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.vpn_gateway_default_site as rule

ft := {"contoso": {"forced_tunneling": true}}

vpn(extra) := fx.gateway(fx.sub_a, "vpngw", "hub", object.union({"properties": {"gatewayType": "Vpn", "vpnType": "RouteBased", "enableBgp": false, "sku": {"name": "VpnGw2AZ"}}}, extra))

site := {"properties": {"gatewayDefaultSite": {"id": fx.rid(fx.sub_a, "Microsoft.Network/localNetworkGateways", "onprem")}}}

test_a_gateway_with_a_default_site_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [vpn(site)]) with data.erguard.config.customers as ft
}

test_a_gateway_with_bgp_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [vpn({"properties": {"enableBgp": true}})]) with data.erguard.config.customers as ft
}

test_a_gateway_without_default_site_fails if {
	fx.ids(rule.deny) == {lower(vpn({}).id)} with input as fx.snapshot_for(fx.customers, [vpn({})]) with data.erguard.config.customers as ft
}

test_a_gateway_beside_an_expressroute_gateway_passes if {
	estate := fx.snapshot_for(fx.customers, [vpn({}), fx.gateway(fx.sub_a, "ergw", "hub", {})])
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as ft
}

test_an_unknown_default_site_is_unknown if {
	g := vpn({"properties": {"gatewayDefaultSite": {"$unknown": "azurerm_virtual_network_gateway.vpngw.default_local_network_gateway_id"}}})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.snapshot_for(fx.customers, [g]) with data.erguard.config.customers as ft
}
