package erguard.rules.routing.gateway_subnet_routes_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.gateway_subnet_routes as rule

vnet := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "GatewaySubnet", "10.0.0.0/27", {"properties": {"routeTable": {"id": fx.route_table_id(fx.sub_a, "rt-gw")}}})], {})

table(disabled, routes) := fx.route_table(fx.sub_a, "rt-gw", routes, {"properties": {"disableBgpRoutePropagation": disabled}})

test_specific_routes_to_the_firewall_pass if {
	t := table(false, [fx.route("spokes", "10.1.0.0/16", "VirtualAppliance", {"properties": {"nextHopIpAddress": "10.0.3.4"}})])
	count(rule.deny) == 0 with input as fx.snapshot([vnet, t])
}

test_a_default_route_and_disabled_propagation_fail if {
	t := table(true, [fx.route("default", "0.0.0.0/0", "VirtualAppliance", {"properties": {"nextHopIpAddress": "10.0.3.4"}})])
	some f in rule.deny with input as fx.snapshot([vnet, t])
	f.evidence.problems == ["a default route (0.0.0.0/0)", "gateway route propagation disabled"]
}

test_tables_on_other_subnets_pass if {
	t := fx.route_table(fx.sub_a, "rt-other", [fx.route("default", "0.0.0.0/0", "Internet", {})], {})
	count(rule.deny) == 0 with input as fx.snapshot([vnet, t])
}

test_unknown_routes_are_unknown if {
	t := table(false, {"$unknown": "azurerm_route_table.gw.route"})
	fx.ids(rule.unknown) == {lower(t.id)} with input as fx.iac([vnet, t])
}
