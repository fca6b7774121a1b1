package erguard.rules.isolation.wan_gateway_non_wan_traffic_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.wan_gateway_non_wan_traffic as rule

wan_gateway(extra) := fx.resource(fx.sub_a, "Microsoft.Network/expressRouteGateways", "hub-ergw", extra)

test_a_gateway_keeping_to_virtual_wan_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([wan_gateway({"properties": {"allowNonVirtualWanTraffic": false}})])
}

test_a_gateway_accepting_non_wan_traffic_fails if {
	g := wan_gateway({"properties": {"allowNonVirtualWanTraffic": true}})
	fx.ids(rule.deny) == {lower(g.id)} with input as fx.snapshot([g])
}

test_an_unknown_setting_is_unknown if {
	g := wan_gateway({"properties": {"allowNonVirtualWanTraffic": {"$unknown": "azurerm_express_route_gateway.hub.allow_non_virtual_wan_traffic"}}})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.iac([g])
}
