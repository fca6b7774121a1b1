package erguard.rules.redundancy.er_gateway_legacy_sku_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.er_gateway_legacy_sku as rule

gw(sku) := fx.gateway(fx.sub_a, "ergw", "hub", {"properties": {"sku": {"name": sku, "tier": sku}}})

test_a_zone_redundant_sku_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([gw("ErGw2AZ")])
}

test_the_basic_sku_fails if {
	fx.ids(rule.deny) == {lower(gw("Basic").id)} with input as fx.snapshot([gw("Basic")])
}

test_an_unknown_sku_is_unknown if {
	g := gw({"$unknown": "azurerm_virtual_network_gateway.ergw.sku"})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.iac([g])
}
