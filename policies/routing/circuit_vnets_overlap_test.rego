package erguard.rules.routing.circuit_vnets_overlap_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.circuit_vnets_overlap as rule

# Two virtual networks, each with its own gateway linked to circuit er-1.
estate(a, b) := fx.snapshot([
	fx.vnet(fx.sub_a, "vnet-a", [a], [], {}),
	fx.gateway(fx.sub_a, "gw-a", "vnet-a", {}),
	fx.connection(fx.sub_a, "conn-a", fx.gateway_id(fx.sub_a, "gw-a"), fx.circuit_id(fx.sub_a, "er-1"), {}),
	fx.vnet(fx.sub_a, "vnet-b", [b], [], {}),
	fx.gateway(fx.sub_a, "gw-b", "vnet-b", {}),
	fx.connection(fx.sub_a, "conn-b", fx.gateway_id(fx.sub_a, "gw-b"), fx.circuit_id(fx.sub_a, "er-1"), {}),
])

test_distinct_address_spaces_pass if {
	count(rule.deny) == 0 with input as estate("10.0.0.0/16", "10.1.0.0/16")
}

test_overlapping_address_spaces_fail_on_both_networks if {
	fx.ids(rule.deny) == {lower(fx.vnet_id(fx.sub_a, "vnet-a")), lower(fx.vnet_id(fx.sub_a, "vnet-b"))} with input as estate("10.0.0.0/16", "10.0.128.0/17")
}

test_overlapping_networks_behind_different_circuits_pass if {
	other_circuit := json.patch(estate("10.0.0.0/16", "10.0.128.0/17"), [{"op": "replace", "path": "/resources/5/properties/peer/id", "value": fx.circuit_id(fx.sub_a, "er-2")}])
	count(rule.deny) == 0 with input as other_circuit
}

test_the_evidence_names_the_overlapping_network_and_prefix if {
	some f in rule.deny with input as estate("10.0.0.0/16", "10.0.128.0/17")
	f.resource == fx.vnet_id(fx.sub_a, "vnet-a")
	f.evidence.overlaps == ["vnet-b (10.0.128.0/17)"]
}

test_circuits_with_an_overlap_index_find_the_same_overlaps if {
	ids := {lower(fx.vnet_id(fx.sub_a, "vnet-a")), lower(fx.vnet_id(fx.sub_a, "vnet-b"))}
	fx.ids(rule.deny) == ids with input as estate("10.0.0.0/16", "10.0.128.0/17") with data.erguard.lib.topology.indexed_circuit_size as 0
	count(rule.deny) == 0 with input as estate("10.0.0.0/16", "10.1.0.0/16") with data.erguard.lib.topology.indexed_circuit_size as 0
}
