# METADATA
# title: Routes to a virtual appliance name an address inside a known network
# description: |
#   A route with next hop VirtualAppliance forwards to an IP address; if that address is
#   missing, or lies outside every virtual network of the estate, the route blackholes its
#   traffic, or hands it to whatever happens to answer at that address. Firewalls that
#   enforce forced tunneling or encryption paths are reached through such routes, so a
#   wrong next hop quietly removes them from the path.
# custom:
#   id: UDR-004
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/routetables]
#   fails_when: A VirtualAppliance route has no nextHopIpAddress.
#   unknown_when: the next hop address lies outside the virtual networks the table's subnets can reach in this snapshot (their own and peered networks; the appliance may be in a network the snapshot does not cover), or is not known before deployment.
#   remediation: Set nextHopIpAddress to the private IP of the firewall or appliance (the internal load balancer's frontend for an appliance pair).
#   remediation_examples:
#     arm: |
#       { "name": "default", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.3.4" } }
#     bicep: |
#       {
#         name: 'default'
#         properties: {
#           addressPrefix: '0.0.0.0/0'
#           nextHopType: 'VirtualAppliance'
#           nextHopIpAddress: '10.0.3.4'
#         }
#       }
#     terraform: |
#       route {
#         name                   = "default"
#         address_prefix         = "0.0.0.0/0"
#         next_hop_type          = "VirtualAppliance"
#         next_hop_in_ip_address = "10.0.3.4"
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#next-hop-types-across-azure-tools
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#user-defined-routing-udr
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.appliance_next_hop

import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

appliance_routes(t) := [r | some r in values.list(t, ["properties", "routes"]); values.lc(object.get(r, ["properties", "nextHopType"], "")) == "virtualappliance"]

# True when an address lies in a virtual network a route table's subnets can forward to: their
# own or one peered with it.
inside_known(t, ip) if {
	some own in topology.route_table_vnets[t]
	in_vnet(own, ip)
}

inside_known(t, ip) if {
	some own in topology.route_table_vnets[t]
	some peer in topology.vnet_peers[own]
	in_vnet(peer, ip)
}

in_vnet(vnet, ip) if {
	some p in object.get(topology.vnet_prefixes, vnet, [])
	net.within(p, ip)
}

deny contains {
	"resource": t.id,
	"message": sprintf("route table %s has appliance routes without a next hop address: %s", [t.name, concat(", ", names)]),
	"evidence": {"routes": names},
} if {
	some t in res.of_type(res.route_table_type)
	names := sort([values.text(r.name) |
		some r in appliance_routes(t)
		ip := object.get(r, ["properties", "nextHopIpAddress"], "")
		not values.is_unknown(ip)
		not values.secret_set(ip)
	])
	count(names) > 0
}

unknown contains {
	"resource": t.id,
	"message": sprintf("route table %s forwards to appliance addresses outside the networks of this snapshot, or not yet known: %s", [t.name, concat(", ", names)]),
} if {
	some t in res.of_type(res.route_table_type)
	not denied[lower(t.id)]
	names := sort([values.text(r.name) | some r in appliance_routes(t); undetermined(lower(t.id), object.get(r, ["properties", "nextHopIpAddress"], ""))])
	count(names) > 0
}

undetermined(_, ip) if values.is_unknown(ip)

undetermined(t, ip) if {
	values.secret_set(ip)
	topology.route_table_subnets[t]
	not inside_known(t, ip)
}

denied contains lower(f.resource) if some f in deny
