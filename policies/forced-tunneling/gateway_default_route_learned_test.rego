package erguard.rules.forced_tunneling.gateway_default_route_learned_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.gateway_default_route_learned as rule

ft := {"contoso": {"forced_tunneling": true}}

gw(learned) := fx.gateway(fx.sub_a, "ergw", "hub", {"runtime": {"learnedRoutes": [], "defaultRouteLearned": learned}})

test_a_gateway_that_learned_the_default_route_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [gw(true)]) with data.erguard.config.customers as ft
}

test_a_gateway_without_the_default_route_fails if {
	fx.ids(rule.deny) == {lower(gw(false).id)} with input as fx.snapshot_for(fx.customers, [gw(false)]) with data.erguard.config.customers as ft
}

test_customers_without_forced_tunneling_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [gw(false)])
}

test_without_runtime_state_it_is_unknown if {
	g := fx.gateway(fx.sub_a, "ergw", "hub", {"runtime": {"learnedRoutesError": {"code": "x", "message": "y"}}})
	fx.ids(rule.unknown) == {lower(g.id)} with input as fx.snapshot_for(fx.customers, [g]) with data.erguard.config.customers as ft
}
