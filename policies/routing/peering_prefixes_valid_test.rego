package erguard.rules.routing.peering_prefixes_valid_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.peering_prefixes_valid as rule

circuit(primary, secondary) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [object.union(fx.private_peering, {"properties": {"primaryPeerAddressPrefix": primary, "secondaryPeerAddressPrefix": secondary}})]}})

linked(c, prefix) := [
	c,
	fx.vnet(fx.sub_a, "hub", [prefix], [], {}),
	fx.gateway(fx.sub_a, "ergw", "hub", {}),
	fx.connection(fx.sub_a, "conn", fx.gateway_id(fx.sub_a, "ergw"), c.id, {}),
]

test_two_distinct_slash_30s_pass if {
	count(rule.deny) == 0 with input as fx.snapshot(linked(circuit("192.168.100.0/30", "192.168.100.4/30"), "10.0.0.0/16"))
}

test_a_wider_link_subnet_fails if {
	some f in rule.deny with input as fx.snapshot([circuit("192.168.100.0/29", "192.168.100.8/30")])
	f.evidence.problems == ["AzurePrivatePeering link 192.168.100.0/29 is not a /30"]
}

test_overlapping_links_fail if {
	c := circuit("192.168.100.0/30", "192.168.100.0/30")
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_a_link_inside_a_reached_vnet_fails if {
	c := circuit("10.0.255.0/30", "10.0.255.4/30")
	some f in rule.deny with input as fx.snapshot(linked(c, "10.0.0.0/16"))
	count(f.evidence.problems) == 2
}

test_an_unknown_prefix_is_unknown if {
	c := circuit({"$unknown": "azurerm_express_route_circuit_peering.p.primary_peer_address_prefix"}, "192.168.100.4/30")
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}

test_a_link_inside_a_network_behind_another_circuit_passes if {
	c := circuit("10.0.255.0/30", "10.0.255.4/30")
	elsewhere := array.concat(linked(c, "172.16.0.0/16"), [fx.vnet(fx.sub_a, "other", ["10.0.0.0/16"], [], {})])
	count(rule.deny) == 0 with input as fx.snapshot(elsewhere)
}

test_a_network_listing_the_overlapping_prefix_twice_is_reported_twice if {
	c := circuit("10.0.255.0/30", "192.168.100.4/30")
	twice := [r | some r in linked(c, "10.0.0.0/16"); r.type != "microsoft.network/virtualnetworks"]
	some f in rule.deny with input as fx.snapshot(array.concat(twice, [fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16", "10.0.0.0/16"], [], {})]))
	count(f.evidence.problems) == 2
}

test_circuits_with_an_overlap_index_find_the_same_link_overlaps if {
	c := circuit("10.0.255.0/30", "10.0.255.4/30")
	some f in rule.deny with input as fx.snapshot(linked(c, "10.0.0.0/16")) with data.erguard.lib.topology.indexed_circuit_size as 0
	count(f.evidence.problems) == 2
}
