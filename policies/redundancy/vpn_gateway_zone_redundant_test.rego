package erguard.rules.redundancy.vpn_gateway_zone_redundant_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.vpn_gateway_zone_redundant as rule

vpn(sku) := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "sku": {"name": sku, "tier": sku}}})

test_an_az_sku_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([vpn("VpnGw1AZ")])
}

test_a_regional_sku_fails if {
	fx.ids(rule.deny) == {lower(vpn("VpnGw1").id)} with input as fx.snapshot([vpn("VpnGw1")])
}

test_an_unknown_sku_is_unknown if {
	g := vpn({"$unknown": "azurerm_virtual_network_gateway.vpn.sku"})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.iac([g])
}
