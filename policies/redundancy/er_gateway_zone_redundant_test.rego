package erguard.rules.redundancy.er_gateway_zone_redundant_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.er_gateway_zone_redundant as rule

gw(sku, extra) := fx.gateway(fx.sub_a, "ergw", "hub", object.union({"properties": {"sku": {"name": sku, "tier": sku}}}, extra))

test_an_az_sku_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([gw("ErGw1AZ", {})])
}

test_a_scalable_gateway_with_two_units_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([gw("ErGwScale", {"properties": {"autoScaleConfiguration": {"bounds": {"min": 2, "max": 4}}}})])
}

test_a_non_az_sku_fails if {
	fx.ids(rule.deny) == {lower(gw("Standard", {}).id)} with input as fx.snapshot([gw("Standard", {})])
}

test_a_scalable_gateway_with_one_unit_fails if {
	g := gw("ErGwScale", {"properties": {"autoScaleConfiguration": {"bounds": {"min": 1, "max": 4}}}})
	fx.ids(rule.deny) == {lower(g.id)} with input as fx.snapshot([g])
}

test_an_unknown_sku_is_unknown if {
	g := gw({"$unknown": "azurerm_virtual_network_gateway.ergw.sku"}, {})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.iac([g])
}
