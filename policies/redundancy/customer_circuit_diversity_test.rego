package erguard.rules.redundancy.customer_circuit_diversity_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.customer_circuit_diversity as rule

circuit(sub, name, location) := fx.circuit(sub, name, {"properties": {"serviceProviderProperties": {"peeringLocation": location}}})

test_two_locations_pass if {
	estate := fx.snapshot_for(fx.customers, [circuit(fx.sub_a, "er-ams", "Amsterdam"), circuit(fx.sub_a, "er-lon", "London")])
	count(rule.deny) == 0 with input as estate
}

test_one_location_fails_on_every_circuit_of_the_customer if {
	a := circuit(fx.sub_a, "er-1", "Amsterdam")
	b := circuit(fx.sub_a, "er-2", "amsterdam")
	other := circuit(fx.sub_b, "er-3", "London")
	fx.ids(rule.deny) == {lower(a.id), lower(b.id)} with input as fx.snapshot_for(fx.customers, [a, b, other]) with data.erguard.config.customers as {"fabrikam": {"min_circuits": 1}}
}

test_circuits_of_no_customer_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit(fx.sub_a, "er-1", "Amsterdam")])
}

test_a_circuit_on_an_unknown_port_is_unknown if {
	a := circuit(fx.sub_a, "er-1", "Amsterdam")
	b := fx.circuit(fx.sub_a, "er-2", {"properties": {"serviceProviderProperties": null, "expressRoutePort": {"id": fx.port_id(fx.sub_a, "elsewhere")}}})
	estate := fx.snapshot_for(fx.customers, [a, b])
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(a.id), lower(b.id)} with input as estate
}
