# METADATA
# title: Circuit has no Azure public peering
# description: |
#   Azure public peering is the legacy routing domain for Azure public services; it is
#   deprecated, cannot be created on new circuits, and mixes public-service routes into a
#   circuit without route filters. The seed lists it beside private and Microsoft peering;
#   today Microsoft peering with a route filter replaces it.
# custom:
#   id: ER-PEER-001
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit has an AzurePublicPeering.
#   remediation: Migrate the public peering's services to Microsoft peering with a route filter (or to private endpoints over private peering), then delete the public peering.
#   remediation_examples:
#     arm: |
#       // remove the Microsoft.Network/expressRouteCircuits/peerings resource named AzurePublicPeering
#     bicep: |
#       // remove the expressRouteCircuits/peerings resource named AzurePublicPeering
#     terraform: |
#       # remove the azurerm_express_route_circuit_peering with peering_type = "AzurePublicPeering"
#   references:
#     - https://learn.microsoft.com/azure/expressroute/about-public-peering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.public_peering_absent

import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s still has the deprecated Azure public peering", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	topology.peering(c, "AzurePublicPeering")
}
