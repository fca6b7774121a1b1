package erguard.rules.redundancy.vpn_gateway_active_active_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.vpn_gateway_active_active as rule

vpn(active) := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "activeActive": active}})

test_an_active_active_gateway_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([vpn(true)])
}

test_an_active_standby_gateway_fails if {
	fx.ids(rule.deny) == {lower(vpn(false).id)} with input as fx.snapshot([vpn(false)])
}

test_expressroute_gateways_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.gateway(fx.sub_a, "ergw", "hub", {})])
}

test_an_unknown_mode_is_unknown if {
	g := vpn({"$unknown": "azurerm_virtual_network_gateway.vpn.active_active"})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.iac([g])
}
