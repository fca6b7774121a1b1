package erguard.rules.routing.appliance_next_hop_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.appliance_next_hop as rule

hub := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {})

spoke := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [fx.subnet(fx.sub_a, "spoke", "app", "10.1.0.0/24", {"properties": {"routeTable": {"id": fx.route_table_id(fx.sub_a, "rt")}}})], {"properties": {"virtualNetworkPeerings": [fx.peering_to(hub.id, {})]}})

table(ip) := fx.route_table(fx.sub_a, "rt", [fx.route("default", "0.0.0.0/0", "VirtualAppliance", {"properties": {"nextHopIpAddress": ip}})], {})

test_a_next_hop_in_a_peered_network_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([hub, spoke, table("10.0.3.4")])
	count(rule.unknown) == 0 with input as fx.snapshot([hub, spoke, table("10.0.3.4")])
}

test_a_missing_next_hop_fails if {
	t := fx.route_table(fx.sub_a, "rt", [fx.route("default", "0.0.0.0/0", "VirtualAppliance", {})], {})
	fx.ids(rule.deny) == {lower(t.id)} with input as fx.snapshot([hub, spoke, t])
}

test_a_next_hop_outside_reachable_networks_is_unknown if {
	fx.ids(rule.unknown) == {lower(table("10.9.3.4").id)} with input as fx.snapshot([hub, spoke, table("10.9.3.4")])
}

test_a_next_hop_in_the_own_network_passes_and_one_in_an_unpeered_network_is_unknown if {
	other := fx.vnet(fx.sub_a, "other", ["10.9.0.0/16"], [], {})
	count(rule.unknown) == 0 with input as fx.snapshot([hub, spoke, other, table("10.1.0.4")])
	fx.ids(rule.unknown) == {lower(table("10.9.3.4").id)} with input as fx.snapshot([hub, spoke, other, table("10.9.3.4")])
}
