# METADATA
# description: |
#   How the estate's network pieces connect: subnets with their virtual network, NSG and route
#   table; gateways and the virtual network they serve; connections between gateways and
#   circuits; circuits, their peerings, Global Reach links and ExpressRoute Direct ports;
#   Virtual WAN hubs; virtual network peerings; and the virtual networks each circuit reaches.
#   Every relation is a partial rule keyed by lower-case id, computed once and looked up.
package erguard.lib.topology

import data.erguard.lib.net as addresses
import data.erguard.lib.resources as res
import data.erguard.lib.values

# --- subnets ----------------------------------------------------------------------------

# subnets[subnet id] = {"vnet" (lower-case id), "properties"}.
subnets[sid] := {"vnet": lower(v.id), "properties": object.get(s, "properties", {})} if {
	some v in res.of_type(res.vnet_type)
	some s in values.list(v, ["properties", "subnets"])
	sid := subnet_id(v.id, object.get(s, "id", null), object.get(s, "name", null))
}

# A subnet's id; IaC may not know it before deployment, so it is built from the names then.
subnet_id(vnet_id, id, name) := lower(id) if {
	is_string(id)
} else := lower(concat("/", [vnet_id, "subnets", name])) if {
	is_string(name)
}

# The subnets named GatewaySubnet (in any case) of each virtual network that has one.
gateway_subnets[lower(v.id)] := subnets if {
	some v in res.of_type(res.vnet_type)
	subnets := [s | some s in values.list(v, ["properties", "subnets"]); values.lc(object.get(s, "name", "")) == "gatewaysubnet"]
	count(subnets) > 0
}

# The virtual network (lower-case id) of a subnet id.
vnet_of_subnet(sid) := res.without_child(lower(sid), "subnets")

# The NSG (lower-case id) each subnet names.
subnet_nsg[sid] := res.ref_id(s.properties.networkSecurityGroup) if some sid, s in subnets

# The subnets each NSG is associated with, from either side of the association.
nsg_subnets[nsg] contains sid if some sid, nsg in subnet_nsg

nsg_subnets[lower(n.id)] contains lower(s.id) if {
	some n in res.of_type(res.nsg_type)
	some s in values.list(n, ["properties", "subnets"])
	is_string(s.id)
}

# The virtual networks of the subnets each NSG is associated with.
nsg_vnets[nsg] contains vnet_of_subnet(sid) if {
	some nsg, sids in nsg_subnets
	some sid in sids
}

# The network interfaces each NSG is associated with.
nsg_nics[lower(n.id)] contains lower(i.id) if {
	some n in res.of_type(res.nsg_type)
	some i in values.list(n, ["properties", "networkInterfaces"])
	is_string(i.id)
}

nsg_nics[res.ref_id(nic.properties.networkSecurityGroup)] contains lower(nic.id) if {
	some nic in res.of_type(res.nic_type)
	res.ref_id(nic.properties.networkSecurityGroup)
}

# The route table (lower-case id) each subnet names.
subnet_route_table[sid] := res.ref_id(s.properties.routeTable) if some sid, s in subnets

# The subnets each route table is associated with, from either side of the association.
route_table_subnets[rt] contains sid if some sid, rt in subnet_route_table

route_table_subnets[lower(t.id)] contains lower(s.id) if {
	some t in res.of_type(res.route_table_type)
	some s in values.list(t, ["properties", "subnets"])
	is_string(s.id)
}

# The virtual networks of the subnets each route table is associated with.
route_table_vnets[rt] contains vnet_of_subnet(sid) if {
	some rt, sids in route_table_subnets
	some sid in sids
}

# --- gateways and connections -----------------------------------------------------------

# The virtual network each virtual network gateway is deployed in (from its ipConfigurations).
gateway_vnet[lower(gw.id)] := vnet_of_subnet(res.ref_id(ipc.properties.subnet)) if {
	some gw in res.of_type(res.gateway_type)
	some ipc in values.list(gw, ["properties", "ipConfigurations"])
	res.ref_id(ipc.properties.subnet)
}

# The gateways deployed in each virtual network.
vnet_gateways[vnet] contains gw if some gw, vnet in gateway_vnet

# True for ExpressRoute virtual network gateways (gatewayType ExpressRoute).
is_er_gateway(gw) if values.lc(object.get(gw, ["properties", "gatewayType"], "")) == "expressroute"

# True for VPN virtual network gateways.
is_vpn_gateway(gw) if values.lc(object.get(gw, ["properties", "gatewayType"], "")) == "vpn"

# The type of a connection in lower case: expressroute, ipsec, vnet2vnet.
connection_kind(c) := values.lc(object.get(c, ["properties", "connectionType"], ""))

# The gateway (lower-case id) each connection starts from.
connection_gateway[lower(c.id)] := res.ref_id(c.properties.virtualNetworkGateway1) if {
	some c in res.of_type(res.connection_type)
	res.ref_id(c.properties.virtualNetworkGateway1)
}

# The circuit (lower-case id) each ExpressRoute connection links to.
connection_circuit[lower(c.id)] := res.ref_id(c.properties.peer) if {
	some c in res.of_type(res.connection_type)
	connection_kind(c) == "expressroute"
	res.ref_id(c.properties.peer)
}

# The connections of each circuit, the circuits of each gateway, the gateways of each circuit.
circuit_connections[circuit] contains conn if some conn, circuit in connection_circuit

gateway_circuits[connection_gateway[conn]] contains circuit if some conn, circuit in connection_circuit

circuit_gateways[circuit] contains connection_gateway[conn] if some conn, circuit in connection_circuit

# The connections of each gateway (all kinds).
gateway_connections[gw] contains conn if some conn, gw in connection_gateway

# The circuit (lower-case id) of a circuit peering id: …/expressRouteCircuits/c/peerings/p.
circuit_of_peering(pid) := res.without_child(lower(pid), "peerings")

# --- Virtual WAN ------------------------------------------------------------------------

# The hub (lower-case id) of each Virtual WAN ExpressRoute gateway.
er_gateway_hub[lower(g.id)] := res.ref_id(g.properties.virtualHub) if {
	some g in res.of_type(res.er_gateway_type)
	res.ref_id(g.properties.virtualHub)
}

# The circuits each Virtual WAN ExpressRoute gateway connects (its expressRouteConnections).
er_gateway_circuits[lower(g.id)] contains circuit_of_peering(res.ref_id(c.properties.expressRouteCircuitPeering)) if {
	some g in res.of_type(res.er_gateway_type)
	some c in values.list(g, ["properties", "expressRouteConnections"])
	res.ref_id(c.properties.expressRouteCircuitPeering)
}

# The circuits of each hub and the hubs of each circuit.
hub_circuits[er_gateway_hub[g]] contains c if {
	some g, cs in er_gateway_circuits
	some c in cs
}

circuit_hubs[c] contains hub if {
	some hub, cs in hub_circuits
	some c in cs
}

# The virtual networks connected to each hub: from the hub's virtualNetworkConnections and from
# hubVirtualNetworkConnections collected as resources of their own.
hub_vnets[lower(h.id)] contains res.ref_id(c.properties.remoteVirtualNetwork) if {
	some h in res.of_type(res.hub_type)
	some c in values.list(h, ["properties", "virtualNetworkConnections"])
	res.ref_id(c.properties.remoteVirtualNetwork)
}

hub_vnets[res.parent_id(c.id)] contains res.ref_id(c.properties.remoteVirtualNetwork) if {
	some c in res.of_type(res.hub_connection_type)
	res.ref_id(c.properties.remoteVirtualNetwork)
}

# --- virtual network peering ------------------------------------------------------------

# The virtual networks each virtual network is peered with.
vnet_peers[lower(v.id)] contains peer if {
	some v in res.of_type(res.vnet_type)
	some p in values.list(v, ["properties", "virtualNetworkPeerings"])
	peer := res.ref_id(p.properties.remoteVirtualNetwork)
}

# Spokes that use a hub's gateways (useRemoteGateways): gateway_spokes[hub vnet] = spokes.
gateway_spokes[hub] contains lower(v.id) if {
	some v in res.of_type(res.vnet_type)
	some p in values.list(v, ["properties", "virtualNetworkPeerings"])
	object.get(p, ["properties", "useRemoteGateways"], false) == true
	hub := res.ref_id(p.properties.remoteVirtualNetwork)
}

# --- circuits ---------------------------------------------------------------------------

# The peerings of a circuit (pass the circuit: used per circuit, never per virtual network), and
# each one's type (AzurePrivatePeering, MicrosoftPeering,
# AzurePublicPeering; ARM names a peering by its type).
peerings(circuit) := values.list(circuit, ["properties", "peerings"])

peering_type(p) := object.get(p, ["properties", "peeringType"], object.get(p, "name", ""))

# The peering of a given type on a circuit.
peering(circuit, kind) := p if {
	some p in peerings(circuit)
	values.lc(peering_type(p)) == lower(kind)
}

# Global Reach: the circuits each circuit is linked to (either side may declare the link).
global_reach_links[lower(c.id)] contains circuit_of_peering(res.ref_id(conn.properties.peerExpressRouteCircuitPeering)) if {
	some c in res.of_type(res.circuit_type)
	some p in peerings(c)
	some conn in values.list(p, ["properties", "connections"])
	res.ref_id(conn.properties.peerExpressRouteCircuitPeering)
}

global_reach[c] contains other if {
	some c, others in global_reach_links
	some other in others
}

global_reach[other] contains c if {
	some c, others in global_reach_links
	some other in others
}

# The ExpressRoute Direct port each circuit is provisioned on, and the circuits of each port.
circuit_port[lower(c.id)] := res.ref_id(c.properties.expressRoutePort) if {
	some c in res.of_type(res.circuit_type)
	res.ref_id(c.properties.expressRoutePort)
}

port_circuits[port] contains c if some c, port in circuit_port

port_circuits[lower(p.id)] contains res.ref_id(c) if {
	some p in res.of_type(res.port_type)
	some c in values.list(p, ["properties", "circuits"])
	res.ref_id(c)
}

# The bandwidth of a circuit in Mbps: a provider circuit's bandwidthInMbps, a Direct circuit's
# bandwidthInGbps.
bandwidth_mbps(c) := c.properties.serviceProviderProperties.bandwidthInMbps if {
	is_number(c.properties.serviceProviderProperties.bandwidthInMbps)
} else := c.properties.bandwidthInGbps * 1000 if {
	is_number(c.properties.bandwidthInGbps)
}

# The peering location of a circuit: its provider's, or its Direct port's.
peering_location(c) := lower(c.properties.serviceProviderProperties.peeringLocation) if {
	is_string(c.properties.serviceProviderProperties.peeringLocation)
} else := lower(port.properties.peeringLocation) if {
	port := res.get(c.properties.expressRoutePort)
	is_string(port.properties.peeringLocation)
}

# --- reachability -----------------------------------------------------------------------

# The virtual networks a circuit reaches: those whose gateway connects to it, the spokes that
# use such a gateway through peering, and the virtual networks of Virtual WAN hubs it joins.
circuit_vnets[c] contains vnet if {
	some c, gws in circuit_gateways
	some gw in gws
	vnet := gateway_vnet[gw]
}

circuit_vnets[c] contains spoke if {
	some c, gws in circuit_gateways
	some gw in gws
	some spoke in gateway_spokes[gateway_vnet[gw]]
}

circuit_vnets[c] contains vnet if {
	some c, hubs in circuit_hubs
	some hub in hubs
	some vnet in hub_vnets[hub]
}

# The circuits through which each virtual network is reached.
vnet_circuits[vnet] contains c if {
	some c, vnets in circuit_vnets
	some vnet in vnets
}

# NSGs associated with a subnet of a virtual network reached through a circuit.
circuit_nsgs contains nsg if {
	some nsg, vnets in nsg_vnets
	some vnet in vnets
	vnet_circuits[vnet]
}

# The address prefixes of each virtual network.
vnet_prefixes[lower(v.id)] := ps if {
	some v in res.of_type(res.vnet_type)
	ps := [p | some p in values.list(v, ["properties", "addressSpace", "addressPrefixes"]); is_string(p)]
}

# The address prefixes of a subnet's properties (addressPrefix and addressPrefixes).
subnet_prefixes(properties) := {p |
	some p in array.concat([object.get(properties, "addressPrefix", "")], values.list(properties, ["addressPrefixes"]))
	is_string(p)
	p != ""
}

# --- firewalls --------------------------------------------------------------------------

# The virtual network of each Azure Firewall deployed in a virtual network (not in a hub).
firewall_vnet[lower(fw.id)] := vnet_of_subnet(res.ref_id(ipc.properties.subnet)) if {
	some fw in res.of_type(res.firewall_type)
	some ipc in values.list(fw, ["properties", "ipConfigurations"])
	res.ref_id(ipc.properties.subnet)
}

# The virtual networks that host an Azure Firewall.
firewall_vnets contains vnet if some _, vnet in firewall_vnet

# --- routes ------------------------------------------------------------------------------

# True when a route list sends the default route (0.0.0.0/0) to one of the next hop types.
default_route_to(routes, hops) if {
	some r in routes
	object.get(r, ["properties", "addressPrefix"], "") == "0.0.0.0/0"
	values.lc(object.get(r, ["properties", "nextHopType"], "")) in hops
}

# --- address overlap --------------------------------------------------------------------
#
# Overlap lookups through key paths (see addresses.key_path). An index of prefixes holds in
# at[key][vnet id][prefix] the CIDR of each prefix whose key path ends at `key`, and in
# below[key][vnet id][prefix] those whose path passes through `key` to a narrower one. A prefix
# q is contained by prefixes at the keys of its path only, and contains prefixes at its last key
# or below it only, so a lookup compares q with those alone. Each join has an index of its own
# scope (every network, the networks behind each circuit), so that a lookup never meets
# networks outside it. (Plain keys at every level: the indexes hash no composite values.)

# Each virtual network's valid prefixes as [prefix, CIDR, key path].
prefix_keys[vid] := [[p, c, addresses.key_path(c)] | some p in ps; c := addresses.cidr(p)] if some vid, ps in vnet_prefixes

# The index of every virtual network's prefixes.
prefixes_at[path[count(path) - 1]][vid][p] := c if {
	some vid, entries in prefix_keys
	some [p, c, path] in entries
}

prefixes_below[key][vid][p] := c if {
	some vid, entries in prefix_keys
	some [p, c, path] in entries
	some key in array.slice(path, 0, count(path) - 1)
}

# The index of the prefixes of the virtual networks behind each circuit that has more than
# indexed_circuit_size of them; fewer are compared pairwise, which costs less than an index.
indexed_circuit_size := 16

indexed_circuits[circuit] := vnets if {
	some circuit, vnets in circuit_vnets
	count(vnets) > indexed_circuit_size
}

circuit_prefixes_at[circuit][path[count(path) - 1]][vid][p] := c if {
	some circuit, vnets in indexed_circuits
	some vid in vnets
	some [p, c, path] in prefix_keys[vid]
}

circuit_prefixes_below[circuit][key][vid][p] := c if {
	some circuit, vnets in indexed_circuits
	some vid in vnets
	some [p, c, path] in prefix_keys[vid]
	some key in array.slice(path, 0, count(path) - 1)
}

# The [vnet id, prefix] pairs of an index (at, below) whose prefix overlaps `q`.
overlapping(at, below, q) := {[vid, p] |
	c := addresses.cidr(q)
	path := addresses.key_path(c)
	some level in array.concat([object.get(below, path[count(path) - 1], {})], [object.get(at, key, {}) | some key in path])
	some vid, prefixes in level
	some p, pc in prefixes
	net.cidr_intersects(c, pc)
}

# The [vnet id, prefix] pairs of an index (at) whose prefix contains `q`.
containing(at, q) := {[vid, p] |
	c := addresses.cidr(q)
	some key in addresses.key_path(c)
	some vid, prefixes in object.get(at, key, {})
	some p, pc in prefixes
	net.cidr_contains(pc, c)
}

# The [vnet id, prefix] pairs of every virtual network whose prefix overlaps `q`.
vnets_overlapping(q) := overlapping(prefixes_at, prefixes_below, q)

# The [vnet id, prefix] pairs of the virtual networks behind a circuit whose prefix overlaps `q`.
circuit_vnets_overlapping(circuit, q) := overlapping(circuit_prefixes_at[circuit], circuit_prefixes_below[circuit], q) if {
	indexed_circuits[circuit]
} else := {[vid, p] |
	c := addresses.cidr(q)
	family := addresses.key_path(c)[0]
	some vid in circuit_vnets[circuit]
	some [p, pc, path] in object.get(prefix_keys, vid, [])
	path[0] == family
	net.cidr_intersects(c, pc)
}
