# METADATA
# title: Virtual network does not overlap on-premises networks
# description: |
#   A virtual network that reuses an on-premises range cannot reach that range over
#   ExpressRoute (Azure prefers the local route), and on-premises hosts in it cannot reach
#   the virtual network; traffic meant for one side may end on the other. The evidence is
#   what the network's gateways learn over BGP from the circuit and the address spaces of
#   the local network gateways its VPN connections name.
# custom:
#   id: VNET-002
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/virtualnetworks, microsoft.network/localnetworkgateways]
#   fails_when: The virtual network's address space overlaps a route one of its gateways learned over BGP, or the address space of a local network gateway connected to one of its gateways.
#   unknown_when: the network has an ExpressRoute gateway whose learned routes are not in the snapshot (collect with --runtime) and no overlap is otherwise known.
#   remediation: Re-address the virtual network (or the on-premises range) so that the two never overlap.
#   remediation_examples:
#     arm: |
#       "addressSpace": { "addressPrefixes": [ "10.12.0.0/16" ] }
#     bicep: |
#       addressSpace: {
#         addressPrefixes: [ '10.12.0.0/16' ]
#       }
#     terraform: |
#       address_space = ["10.12.0.0/16"]
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#routing
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.vnet_overlaps_onpremises

import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# On-premises prefixes each virtual network's gateways know, with where they come from.
onprem[vid] contains {"prefix": r.network, "source": sprintf("learned by %s", [res.name_of(gw)])} if {
	some gw, vid in topology.gateway_vnet
	some r in values.list(res.by_id[gw], ["runtime", "learnedRoutes"])
	values.lc(object.get(r, "origin", "")) in {"ebgp", "ibgp"}
	is_string(r.network)
	r.network != "0.0.0.0/0"
}

onprem[vid] contains {"prefix": p, "source": sprintf("local network gateway %s", [res.name_of(site)])} if {
	some conn, gw in topology.connection_gateway
	vid := topology.gateway_vnet[gw]
	site := res.ref_id(res.by_id[conn].properties.localNetworkGateway2)
	some p in values.list(res.by_id[site], ["properties", "localNetworkAddressSpace", "addressPrefixes"])
}

clashes(vid) := sort({sprintf("%s overlaps %s (%s)", [p, o.prefix, o.source]) |
	some o in onprem[vid]
	some p in object.get(topology.vnet_prefixes, vid, [])
	net.overlaps(p, o.prefix)
})

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s overlaps on-premises networks: %s", [v.name, concat("; ", cs)]),
	"evidence": {"overlaps": cs},
} if {
	some v in res.of_type(res.vnet_type)
	cs := clashes(lower(v.id))
	count(cs) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("the routes learned by the ExpressRoute gateway of virtual network %s are not in this snapshot", [v.name]),
} if {
	some v in res.of_type(res.vnet_type)
	count(clashes(lower(v.id))) == 0
	some gw in topology.vnet_gateways[lower(v.id)]
	topology.is_er_gateway(res.by_id[gw])
	not is_array(object.get(res.by_id[gw], ["runtime", "learnedRoutes"], null))
}
