package erguard.rules.routing.private_prefix_to_internet_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.private_prefix_to_internet as rule

table(routes) := fx.route_table(fx.sub_a, "rt", routes, {})

test_public_destinations_to_the_internet_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([table([fx.route("default", "0.0.0.0/0", "Internet", {}), fx.route("saas", "203.0.113.0/24", "Internet", {})])])
}

test_a_private_range_to_the_internet_fails if {
	t := table([fx.route("oops", "172.16.0.0/12", "Internet", {})])
	fx.ids(rule.deny) == {lower(t.id)} with input as fx.snapshot([t])
}

test_an_unknown_route_is_unknown if {
	t := table([fx.route("x", {"$unknown": "azurerm_route.x.address_prefix"}, "Internet", {})])
	fx.ids(rule.unknown) == {lower(t.id)} with input as fx.iac([t])
}
