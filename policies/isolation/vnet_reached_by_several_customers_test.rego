package erguard.rules.isolation.vnet_reached_by_several_customers_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.vnet_reached_by_several_customers as rule

shared := fx.vnet(fx.sub_csp, "shared-hub", ["10.0.0.0/16"], [], {})

# The shared hub's gateway connected to the given circuit ids.
hub_with(circuits) := array.concat(
	[shared, fx.gateway(fx.sub_csp, "ergw", "shared-hub", {})],
	[fx.connection(fx.sub_csp, sprintf("conn-%d", [i]), fx.gateway_id(fx.sub_csp, "ergw"), c, {}) | some i, c in circuits],
)

test_a_network_behind_one_customers_circuits_passes if {
	estate := fx.snapshot_for(fx.customers, hub_with([fx.circuit_id(fx.sub_a, "er-1"), fx.circuit_id(fx.sub_a, "er-2")]))
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_a_shared_hub_behind_two_customers_circuits_fails if {
	estate := fx.snapshot_for(fx.customers, hub_with([fx.circuit_id(fx.sub_a, "er-1"), fx.circuit_id(fx.sub_b, "er-2")]))
	fx.ids(rule.deny) == {lower(shared.id)} with input as estate
	some f in rule.deny with input as estate
	f.evidence.customers == ["contoso", "fabrikam"]
}

test_a_circuit_of_unknown_customer_makes_it_unknown if {
	estate := fx.snapshot_for(fx.customers, hub_with([fx.circuit_id(fx.sub_a, "er-1"), fx.circuit_id(fx.sub_csp, "er-2")]))
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(shared.id)} with input as estate
}
