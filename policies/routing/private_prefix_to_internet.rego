# METADATA
# title: No route sends private address space to the Internet
# description: |
#   A user-defined route with next hop Internet for a private or shared range (10/8,
#   172.16/12, 192.168/16, 100.64/10) overrides the routes learned over ExpressRoute for
#   that range: traffic meant for on-premises or another virtual network leaves through
#   Azure's Internet edge instead, unencrypted and outside every private path the customer
#   paid for.
# custom:
#   id: UDR-002
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/routetables]
#   fails_when: A route of the table with nextHopType Internet has a private or shared destination prefix.
#   unknown_when: a route's prefix or next hop is not known before deployment.
#   remediation: Remove the route so that the ExpressRoute routes apply, or point it at the intended private next hop.
#   remediation_examples:
#     arm: |
#       { "name": "onprem", "properties": { "addressPrefix": "172.16.0.0/12", "nextHopType": "VirtualNetworkGateway" } }
#     bicep: |
#       {
#         name: 'onprem'
#         properties: {
#           addressPrefix: '172.16.0.0/12'
#           nextHopType: 'VirtualNetworkGateway'
#         }
#       }
#     terraform: |
#       route {
#         name           = "onprem"
#         address_prefix = "172.16.0.0/12"
#         next_hop_type  = "VirtualNetworkGateway"
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#user-defined
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#user-defined-routing-udr
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.private_prefix_to_internet

import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": t.id,
	"message": sprintf("route table %s sends private address space to the Internet: %s", [t.name, concat(", ", routes)]),
	"evidence": {"routes": routes},
} if {
	some t in res.of_type(res.route_table_type)
	routes := sort([sprintf("%s (%s)", [r.name, prefix]) |
		some r in values.list(t, ["properties", "routes"])
		values.lc(object.get(r, ["properties", "nextHopType"], "")) == "internet"
		prefix := object.get(r, ["properties", "addressPrefix"], "")
		prefix != "0.0.0.0/0"
		net.is_private(prefix)
	])
	count(routes) > 0
}

unknown contains {
	"resource": t.id,
	"message": sprintf("the routes of route table %s are not known before deployment", [t.name]),
} if {
	some t in res.of_type(res.route_table_type)
	not denied[lower(t.id)]
	values.has_unknown(object.get(t, ["properties", "routes"], []))
}

denied contains lower(f.resource) if some f in deny
