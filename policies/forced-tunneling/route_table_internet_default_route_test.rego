package erguard.rules.forced_tunneling.route_table_internet_default_route_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.route_table_internet_default_route as rule

ft := {"contoso": {"forced_tunneling": true}}

table(routes) := fx.route_table(fx.sub_a, "rt-app", routes, {})

test_a_default_route_to_the_firewall_passes if {
	t := table([fx.route("default", "0.0.0.0/0", "VirtualAppliance", {"properties": {"nextHopIpAddress": "10.0.3.4"}})])
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [t]) with data.erguard.config.customers as ft
}

test_a_default_route_to_the_internet_fails if {
	t := table([fx.route("default", "0.0.0.0/0", "Internet", {})])
	fx.ids(rule.deny) == {lower(t.id)} with input as fx.snapshot_for(fx.customers, [t]) with data.erguard.config.customers as ft
}

test_customers_without_forced_tunneling_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [table([fx.route("default", "0.0.0.0/0", "Internet", {})])])
}

test_an_unknown_next_hop_is_unknown if {
	t := table([fx.route("default", "0.0.0.0/0", {"$unknown": "azurerm_route.default.next_hop_type"}, {})])
	fx.ids(rule.unknown) == {lower(t.id)} with input as fx.iac([t]) with data.erguard.config.customers as ft with input.customers as fx.customers
}
