# METADATA
# title: Spokes that use a remote gateway reach a hub that offers one
# description: |
#   A spoke peering with useRemoteGateways sends the spoke's on-premises traffic through
#   the hub's ExpressRoute gateway; it only works when the hub actually hosts a gateway and
#   its side of the peering allows gateway transit. Otherwise the spoke has no route
#   on-premises, and the design drawing and the network disagree.
# custom:
#   id: VNET-004
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network has a peering with useRemoteGateways true to a hub that hosts no gateway, or whose peering back to the spoke does not set allowGatewayTransit.
#   unknown_when: the hub network is not in the snapshot.
#   remediation: Enable allowGatewayTransit on the hub's side of the peering (and deploy the gateway in the hub), or turn useRemoteGateways off on the spoke.
#   remediation_examples:
#     arm: |
#       // on the hub's peering to the spoke
#       "properties": { "allowGatewayTransit": true, "allowForwardedTraffic": true }
#     bicep: |
#       // on the hub's peering to the spoke
#       properties: {
#         allowGatewayTransit: true
#         allowForwardedTraffic: true
#       }
#     terraform: |
#       resource "azurerm_virtual_network_peering" "hub_to_spoke" {
#         allow_gateway_transit   = true
#         allow_forwarded_traffic = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview#gateways-and-on-premises-connectivity
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#routing
#   frameworks:
#     psrule: [Azure.VNET.PeerState]
package erguard.rules.routing.remote_gateway_transit

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# The hubs each spoke relies on for a gateway.
relies_on[spoke] contains hub if {
	some hub, spokes in topology.gateway_spokes
	some spoke in spokes
}

problem(spoke, hub) := "hosts no gateway" if {
	res.by_id[hub]
	not topology.vnet_gateways[hub]
}

problem(spoke, hub) := "does not allow gateway transit to it" if {
	res.by_id[hub]
	topology.vnet_gateways[hub]
	not transit_offered[hub][spoke]
}

# The spokes each hub offers gateway transit to (allowGatewayTransit on the hub's peering).
transit_offered[lower(v.id)] contains spoke if {
	some v in res.of_type(res.vnet_type)
	some p in values.list(v, ["properties", "virtualNetworkPeerings"])
	spoke := res.ref_id(p.properties.remoteVirtualNetwork)
	object.get(p, ["properties", "allowGatewayTransit"], false) == true
}

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s uses remote gateways that are not there: %s", [v.name, concat("; ", ps)]),
	"evidence": {"hubs": ps},
} if {
	some v in res.of_type(res.vnet_type)
	ps := sort([sprintf("%s %s", [res.name_of(hub), problem(lower(v.id), hub)]) | some hub in relies_on[lower(v.id)]])
	count(ps) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("virtual network %s uses the gateways of hubs outside this snapshot: %s", [v.name, concat(", ", hubs)]),
} if {
	some v in res.of_type(res.vnet_type)
	hubs := sort([res.name_of(hub) | some hub in relies_on[lower(v.id)]; not res.by_id[hub]])
	count(hubs) > 0
}
