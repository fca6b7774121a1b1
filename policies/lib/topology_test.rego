package erguard.lib.topology_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.lib.topology

hub_id := lower(fx.vnet_id(fx.sub_a, "hub"))

spoke_id := lower(fx.vnet_id(fx.sub_a, "spoke"))

gw_id := lower(fx.gateway_id(fx.sub_a, "ergw"))

er1 := lower(fx.circuit_id(fx.sub_a, "er-1"))

er2 := lower(fx.circuit_id(fx.sub_b, "er-2"))

er3 := lower(fx.circuit_id(fx.sub_a, "er-3"))

hub_vnet := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [
	fx.subnet(fx.sub_a, "hub", "GatewaySubnet", "10.0.0.0/27", {}),
	fx.subnet(fx.sub_a, "hub", "app", "10.0.1.0/24", {"properties": {
		"networkSecurityGroup": {"id": fx.nsg_id(fx.sub_a, "nsg-app")},
		"routeTable": {"id": fx.route_table_id(fx.sub_a, "rt-app")},
	}}),
], {})

spoke_vnet := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [{"name": "workload", "properties": {"addressPrefix": "10.1.0.0/24"}}], {"properties": {"virtualNetworkPeerings": [fx.peering_to(fx.vnet_id(fx.sub_a, "hub"), {"properties": {"useRemoteGateways": true}})]}})

er1_circuit := fx.circuit(fx.sub_a, "er-1", {"properties": {
	"expressRoutePort": {"id": fx.port_id(fx.sub_a, "port-1")},
	"bandwidthInGbps": 5,
	"serviceProviderProperties": null,
}})

er2_circuit := fx.circuit(fx.sub_b, "er-2", {"properties": {"peerings": [object.union(fx.private_peering, {"properties": {"connections": [{
	"name": "gr",
	"properties": {"peerExpressRouteCircuitPeering": {"id": concat("/", [fx.circuit_id(fx.sub_a, "er-1"), "peerings", "AzurePrivatePeering"])}},
}]}})]}})

hub_wan := fx.resource(fx.sub_a, "Microsoft.Network/virtualHubs", "hub-we", {"properties": {"virtualNetworkConnections": [{"properties": {"remoteVirtualNetwork": {"id": fx.vnet_id(fx.sub_a, "wan-spoke")}}}]}})

wan_gateway := fx.resource(fx.sub_a, "Microsoft.Network/expressRouteGateways", "ergw-we", {"properties": {
	"virtualHub": {"id": hub_wan.id},
	"expressRouteConnections": [{"name": "c", "properties": {"expressRouteCircuitPeering": {"id": concat("/", [fx.circuit_id(fx.sub_a, "er-3"), "peerings", "AzurePrivatePeering"])}}}],
}})

estate := fx.snapshot([
	hub_vnet,
	spoke_vnet,
	fx.gateway(fx.sub_a, "ergw", "hub", {}),
	fx.connection(fx.sub_a, "conn-1", fx.gateway_id(fx.sub_a, "ergw"), fx.circuit_id(fx.sub_a, "er-1"), {}),
	er1_circuit,
	er2_circuit,
	fx.circuit(fx.sub_a, "er-3", {}),
	fx.port(fx.sub_a, "port-1", {}),
	hub_wan,
	wan_gateway,
	fx.nsg(fx.sub_a, "nsg-app", [], {"properties": {"subnets": [{"id": concat("/", [fx.vnet_id(fx.sub_a, "hub"), "subnets", "other"])}]}}),
])

test_subnets_know_their_vnet_nsg_and_route_table if {
	app := lower(concat("/", [fx.vnet_id(fx.sub_a, "hub"), "subnets", "app"]))
	s := topology.subnets[app] with input as estate
	s.vnet == hub_id
	topology.subnet_nsg[app] == lower(fx.nsg_id(fx.sub_a, "nsg-app")) with input as estate
	topology.subnet_route_table[app] == lower(fx.route_table_id(fx.sub_a, "rt-app")) with input as estate
}

test_subnets_without_ids_get_one_from_their_names if {
	topology.subnets[concat("/", [spoke_id, "subnets", "workload"])].vnet == spoke_id with input as estate
}

test_nsg_associations_come_from_both_sides if {
	subnets := topology.nsg_subnets[lower(fx.nsg_id(fx.sub_a, "nsg-app"))] with input as estate
	count(subnets) == 2
}

test_gateways_belong_to_the_vnet_of_their_subnet if {
	topology.gateway_vnet[gw_id] == hub_id with input as estate
	topology.vnet_gateways[hub_id] == {gw_id} with input as estate
}

test_connections_link_gateways_and_circuits if {
	topology.circuit_gateways[er1] == {gw_id} with input as estate
	topology.gateway_circuits[gw_id] == {er1} with input as estate
	count(topology.circuit_connections[er1]) == 1 with input as estate
}

test_a_circuit_reaches_gateway_vnets_transit_spokes_and_wan_hub_vnets if {
	topology.circuit_vnets[er1] == {hub_id, spoke_id} with input as estate
	topology.circuit_vnets[er3] == {lower(fx.vnet_id(fx.sub_a, "wan-spoke"))} with input as estate
	topology.vnet_circuits[spoke_id] == {er1} with input as estate
}

test_global_reach_links_are_symmetric if {
	topology.global_reach[er2] == {er1} with input as estate
	topology.global_reach[er1] == {er2} with input as estate
}

test_direct_circuits_know_their_port_bandwidth_and_location if {
	port := lower(fx.port_id(fx.sub_a, "port-1"))
	topology.circuit_port[er1] == port with input as estate
	topology.port_circuits[port] == {er1} with input as estate
	topology.bandwidth_mbps(er1_circuit) == 5000
	topology.peering_location(er1_circuit) == "amsterdam" with input as estate
	topology.peering_location(fx.circuit(fx.sub_a, "x", {})) == "amsterdam"
}

test_vnet_and_subnet_prefixes if {
	topology.vnet_prefixes[hub_id] == ["10.0.0.0/16"] with input as estate
	topology.subnet_prefixes({"addressPrefix": "10.0.0.0/24", "addressPrefixes": ["10.0.1.0/24"]}) == {"10.0.0.0/24", "10.0.1.0/24"}
}

test_peerings_by_type if {
	topology.peering(er1_circuit, "azureprivatepeering").name == "AzurePrivatePeering"
	not topology.peering(er1_circuit, "MicrosoftPeering")
}

test_firewalls_belong_to_the_vnet_of_their_subnet if {
	fw := fx.resource(fx.sub_a, "Microsoft.Network/azureFirewalls", "fw", {"properties": {"ipConfigurations": [{"properties": {"subnet": {"id": concat("/", [fx.vnet_id(fx.sub_a, "hub"), "subnets", "AzureFirewallSubnet"])}}}]}})
	topology.firewall_vnets == {hub_id} with input as fx.snapshot([fw])
}

test_default_routes_by_next_hop if {
	routes := [fx.route("default", "0.0.0.0/0", "VirtualAppliance", {})]
	topology.default_route_to(routes, {"virtualappliance"})
	not topology.default_route_to(routes, {"internet"})
}

test_overlapping_vnets_are_found_through_overlap_keys if {
	estate := fx.snapshot([
		fx.vnet(fx.sub_a, "a", ["10.1.0.0/16"], [], {}),
		fx.vnet(fx.sub_a, "b", ["10.2.0.0/16", "192.168.0.0/24"], [], {}),
		fx.vnet(fx.sub_a, "wide", ["10.0.0.0/8"], [], {}),
	])
	a := lower(fx.vnet_id(fx.sub_a, "a"))
	b := lower(fx.vnet_id(fx.sub_a, "b"))
	w := lower(fx.vnet_id(fx.sub_a, "wide"))
	topology.vnets_overlapping("10.1.4.0/24") == {[a, "10.1.0.0/16"], [w, "10.0.0.0/8"]} with input as estate
	topology.vnets_overlapping("10.0.0.0/12") == {[a, "10.1.0.0/16"], [b, "10.2.0.0/16"], [w, "10.0.0.0/8"]} with input as estate
	topology.vnets_overlapping("0.0.0.0/1") == {[a, "10.1.0.0/16"], [b, "10.2.0.0/16"], [w, "10.0.0.0/8"]} with input as estate
	topology.vnets_overlapping("192.168.0.128/25") == {[b, "192.168.0.0/24"]} with input as estate
}

test_overlaps_are_found_in_both_directions_across_key_levels if {
	estate := fx.snapshot([
		fx.vnet(fx.sub_a, "hub", ["10.1.0.0/22"], [], {}),
		fx.vnet(fx.sub_a, "spoke", ["10.1.2.0/24", "10.1.9.0/24"], [], {}),
		fx.vnet(fx.sub_a, "six", ["fd00::/8", "10.1.2.128/25"], [], {}),
	])
	hub := lower(fx.vnet_id(fx.sub_a, "hub"))
	spoke := lower(fx.vnet_id(fx.sub_a, "spoke"))
	six := lower(fx.vnet_id(fx.sub_a, "six"))
	topology.vnets_overlapping("10.1.0.0/16") == {[hub, "10.1.0.0/22"], [spoke, "10.1.2.0/24"], [spoke, "10.1.9.0/24"], [six, "10.1.2.128/25"]} with input as estate
	topology.vnets_overlapping("10.1.2.7") == {[hub, "10.1.0.0/22"], [spoke, "10.1.2.0/24"]} with input as estate
	topology.vnets_overlapping("10.1.2.0/23") == {[hub, "10.1.0.0/22"], [spoke, "10.1.2.0/24"], [six, "10.1.2.128/25"]} with input as estate
	topology.vnets_overlapping("fd00:1::/32") == {[six, "fd00::/8"]} with input as estate
	topology.vnets_overlapping("not a prefix") == set() with input as estate
}

test_containing_prefixes_are_found_on_the_key_path if {
	estate := fx.snapshot([
		fx.vnet(fx.sub_a, "hub", ["10.1.0.0/22"], [], {}),
		fx.vnet(fx.sub_a, "spoke", ["10.1.2.0/24"], [], {}),
		fx.vnet(fx.sub_a, "wide", ["10.0.0.0/8", "fd00::/8"], [], {}),
	])
	hub := lower(fx.vnet_id(fx.sub_a, "hub"))
	spoke := lower(fx.vnet_id(fx.sub_a, "spoke"))
	wide := lower(fx.vnet_id(fx.sub_a, "wide"))
	topology.containing(topology.prefixes_at, "10.1.2.128/25") == {[hub, "10.1.0.0/22"], [spoke, "10.1.2.0/24"], [wide, "10.0.0.0/8"]} with input as estate
	topology.containing(topology.prefixes_at, "10.1.0.0/16") == {[wide, "10.0.0.0/8"]} with input as estate
	topology.containing(topology.prefixes_at, "fd00:1::1") == {[wide, "fd00::/8"]} with input as estate
	topology.containing(topology.prefixes_at, "192.168.0.0/24") == set() with input as estate
}

test_nsgs_know_the_vnets_of_their_subnets_and_whether_a_circuit_reaches_them if {
	nsg := lower(fx.nsg_id(fx.sub_a, "nsg-app"))
	topology.nsg_vnets[nsg] == {hub_id} with input as estate
	topology.circuit_nsgs[nsg] with input as estate
}

test_route_tables_know_the_vnets_of_their_subnets if {
	topology.route_table_vnets[lower(fx.route_table_id(fx.sub_a, "rt-app"))] == {hub_id} with input as estate
}

test_circuit_lookups_meet_only_the_networks_behind_the_circuit if {
	other := fx.vnet(fx.sub_a, "other", ["10.0.0.0/16"], [], {})
	with_other := object.union(estate, {"resources": array.concat(estate.resources, [other])})
	hub_prefix := topology.vnet_prefixes[hub_id][0] with input as estate
	topology.circuit_vnets_overlapping(er1, hub_prefix) == {[hub_id, hub_prefix]} with input as with_other
	topology.indexed_circuits[er1] with input as with_other with topology.indexed_circuit_size as 0
	topology.circuit_vnets_overlapping(er1, hub_prefix) == {[hub_id, hub_prefix]} with input as with_other with topology.indexed_circuit_size as 0
	topology.vnets_overlapping(hub_prefix) == {[hub_id, hub_prefix], [lower(other.id), "10.0.0.0/16"]} with input as with_other
	topology.circuit_vnets_overlapping(lower(fx.circuit_id(fx.sub_a, "nowhere")), hub_prefix) == set() with input as with_other
}

test_gateway_subnets_are_found_by_name_in_any_case if {
	v := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "gatewaySubnet", "10.0.0.0/27", {}), fx.subnet(fx.sub_a, "hub", "app", "10.0.1.0/24", {})], {})
	[s] := topology.gateway_subnets[lower(v.id)] with input as fx.snapshot([v, fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [], {})])
	s.name == "gatewaySubnet"
	count(topology.gateway_subnets) == 1 with input as fx.snapshot([v, fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [], {})])
}

test_a_hub_and_the_spokes_beside_it_in_its_slash_16_overlap_only_where_they_do if {
	estate := fx.snapshot([
		fx.vnet(fx.sub_a, "hub", ["10.1.0.0/22"], [], {}),
		fx.vnet(fx.sub_a, "spoke", ["10.1.4.0/24", "10.1.3.0/24"], [], {}),
		fx.vnet(fx.sub_a, "block", ["10.1.0.0/20"], [], {}),
	])
	hub := lower(fx.vnet_id(fx.sub_a, "hub"))
	spoke := lower(fx.vnet_id(fx.sub_a, "spoke"))
	block := lower(fx.vnet_id(fx.sub_a, "block"))
	topology.vnets_overlapping("10.1.4.0/24") == {[spoke, "10.1.4.0/24"], [block, "10.1.0.0/20"]} with input as estate
	topology.vnets_overlapping("10.1.0.0/22") == {[hub, "10.1.0.0/22"], [spoke, "10.1.3.0/24"], [block, "10.1.0.0/20"]} with input as estate
	topology.vnets_overlapping("10.1.5.0/22") == {[spoke, "10.1.4.0/24"], [block, "10.1.0.0/20"]} with input as estate
}
