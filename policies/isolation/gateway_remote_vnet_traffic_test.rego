package erguard.rules.isolation.gateway_remote_vnet_traffic_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.gateway_remote_vnet_traffic as rule

test_a_gateway_without_transit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.gateway(fx.sub_a, "ergw", "hub", {})])
}

test_a_gateway_allowing_remote_vnet_traffic_fails if {
	gw := fx.gateway(fx.sub_a, "ergw", "hub", {"properties": {"allowRemoteVnetTraffic": true}})
	fx.ids(rule.deny) == {lower(gw.id)} with input as fx.snapshot([gw])
}

test_vpn_gateways_are_out_of_scope_and_pass if {
	gw := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "allowVirtualWanTraffic": true}})
	count(rule.deny) == 0 with input as fx.snapshot([gw])
}

test_an_unknown_setting_is_unknown if {
	gw := fx.gateway(fx.sub_a, "ergw", "hub", {"properties": {"allowVirtualWanTraffic": {"$unknown": "azurerm_virtual_network_gateway.ergw.virtual_wan_traffic_enabled"}}})
	count(rule.deny) == 0 with input as fx.iac([gw])
	fx.ids(rule.unknown) == {lower(gw.id)} with input as fx.iac([gw])
}
