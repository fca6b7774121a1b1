package erguard.rules.forced_tunneling.bgp_propagation_disabled_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.bgp_propagation_disabled as rule

ft := {"contoso": {"forced_tunneling": true}}

vnet := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [fx.subnet(fx.sub_a, "spoke", "app", "10.1.0.0/24", {"properties": {"routeTable": {"id": fx.route_table_id(fx.sub_a, "rt-app")}}})], {})

table(disabled, routes) := fx.route_table(fx.sub_a, "rt-app", routes, {"properties": {"disableBgpRoutePropagation": disabled}})

estate(t) := fx.snapshot_for(fx.customers, [vnet, t])

test_propagation_enabled_passes if {
	count(rule.deny) == 0 with input as estate(table(false, [])) with data.erguard.config.customers as ft
}

test_disabled_propagation_with_a_default_route_to_the_firewall_passes if {
	t := table(true, [fx.route("default", "0.0.0.0/0", "VirtualAppliance", {"properties": {"nextHopIpAddress": "10.0.3.4"}})])
	count(rule.deny) == 0 with input as estate(t) with data.erguard.config.customers as ft
}

test_disabled_propagation_without_a_default_route_fails if {
	t := table(true, [fx.route("onprem", "172.16.0.0/12", "VirtualNetworkGateway", {})])
	fx.ids(rule.deny) == {lower(t.id)} with input as estate(t) with data.erguard.config.customers as ft
}

test_an_unknown_setting_is_unknown if {
	t := table({"$unknown": "azurerm_route_table.app.bgp_route_propagation_enabled"}, [])
	fx.ids(rule.unknown) == {lower(t.id)} with input as estate(t) with data.erguard.config.customers as ft
}
