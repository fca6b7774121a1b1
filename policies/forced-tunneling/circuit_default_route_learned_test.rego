package erguard.rules.forced_tunneling.circuit_default_route_learned_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.circuit_default_route_learned as rule

ft := {"contoso": {"forced_tunneling": true}}

circuit(primary, secondary) := fx.circuit(fx.sub_a, "er-1", {"runtime": {"peerings": [{
	"name": "AzurePrivatePeering",
	"peeringType": "AzurePrivatePeering",
	"primary": primary,
	"secondary": secondary,
}]}})

learned(v) := {"routeCount": 12, "defaultRouteLearned": v}

test_a_default_route_on_both_paths_passes if {
	estate := fx.snapshot_for(fx.customers, [circuit(learned(true), learned(true))])
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as ft
	count(rule.unknown) == 0 with input as estate with data.erguard.config.customers as ft
}

test_a_path_without_the_default_route_fails if {
	c := circuit(learned(true), learned(false))
	some f in rule.deny with input as fx.snapshot_for(fx.customers, [c]) with data.erguard.config.customers as ft
	f.evidence.paths == ["secondary"]
}

test_customers_without_forced_tunneling_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [circuit(learned(false), learned(false))])
}

test_a_circuit_without_private_peering_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"runtime": {"peerings": []}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot_for(fx.customers, [c]) with data.erguard.config.customers as ft
}

test_without_runtime_state_it_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.snapshot_for(fx.customers, [c]) with data.erguard.config.customers as ft
}

test_an_unreadable_route_table_is_unknown if {
	c := circuit(learned(true), {"routesError": {"code": "Throttled", "message": "try later"}})
	estate := fx.snapshot_for(fx.customers, [c])
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as ft
	fx.ids(rule.unknown) == {lower(c.id)} with input as estate with data.erguard.config.customers as ft
}
