package erguard.rules.redundancy.er_gateway_diverse_circuits_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.er_gateway_diverse_circuits as rule

gw := fx.gateway(fx.sub_a, "ergw", "hub", {})

circuit(name, location) := fx.circuit(fx.sub_a, name, {"properties": {"serviceProviderProperties": {"peeringLocation": location}}})

linked(names) := [fx.connection(fx.sub_a, sprintf("conn-%s", [n]), gw.id, fx.circuit_id(fx.sub_a, n), {}) | some n in names]

test_two_circuits_in_two_locations_pass if {
	estate := fx.snapshot(array.concat([gw, circuit("er-ams", "Amsterdam"), circuit("er-lon", "London")], linked(["er-ams", "er-lon"])))
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_a_single_circuit_fails if {
	estate := fx.snapshot(array.concat([gw, circuit("er-ams", "Amsterdam")], linked(["er-ams"])))
	fx.ids(rule.deny) == {lower(gw.id)} with input as estate
}

test_two_circuits_in_one_location_fail if {
	estate := fx.snapshot(array.concat([gw, circuit("er-1", "Amsterdam"), circuit("er-2", "Amsterdam")], linked(["er-1", "er-2"])))
	fx.ids(rule.deny) == {lower(gw.id)} with input as estate
}

test_a_virtual_wan_gateway_with_one_circuit_fails if {
	wan := fx.resource(fx.sub_a, "Microsoft.Network/expressRouteGateways", "hub-ergw", {"properties": {"expressRouteConnections": [{"name": "c", "properties": {"expressRouteCircuitPeering": {"id": concat("/", [fx.circuit_id(fx.sub_a, "er-ams"), "peerings", "AzurePrivatePeering"])}}}]}})
	fx.ids(rule.deny) == {lower(wan.id)} with input as fx.snapshot([wan, circuit("er-ams", "Amsterdam")])
}

test_a_circuit_outside_the_snapshot_is_unknown if {
	estate := fx.snapshot(array.concat([gw, circuit("er-ams", "Amsterdam")], linked(["er-ams", "er-elsewhere"])))
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(gw.id)} with input as estate
}
