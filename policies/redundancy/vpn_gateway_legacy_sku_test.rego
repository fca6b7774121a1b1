package erguard.rules.redundancy.vpn_gateway_legacy_sku_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.vpn_gateway_legacy_sku as rule

vpn(sku) := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "sku": {"name": sku, "tier": sku}}})

test_a_current_sku_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([vpn("VpnGw2AZ")])
}

test_a_legacy_sku_fails if {
	fx.ids(rule.deny) == {lower(vpn("Standard").id)} with input as fx.snapshot([vpn("Standard")])
}

test_an_unknown_sku_is_unknown if {
	g := vpn({"$unknown": "azurerm_virtual_network_gateway.vpn.sku"})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.iac([g])
}
