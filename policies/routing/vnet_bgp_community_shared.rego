# METADATA
# title: Virtual network BGP community is not shared between customers
# description: |
#   Azure tags the routes of a virtual network it advertises over ExpressRoute with the
#   network's BGP community (bgpCommunities.virtualNetworkCommunity). In the connect-through
#   model the CSP's edge uses these communities to tell customers' routes apart and keep each
#   customer's routes in its own VRF. Two customers' networks with the same community are
#   indistinguishable there, and a community-based filter leaks one customer's routes to
#   the other.
# custom:
#   id: CSP-RT-004
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network's BGP community is also set on a virtual network of a different customer.
#   remediation: Give each customer its own community value (for example 12076:<customer number>) on all its virtual networks, and filter on it at the CSP edge.
#   remediation_examples:
#     arm: |
#       "bgpCommunities": { "virtualNetworkCommunity": "12076:20001" }
#     bicep: |
#       bgpCommunities: {
#         virtualNetworkCommunity: '12076:20001'
#       }
#     terraform: |
#       resource "azurerm_virtual_network" "spoke" {
#         bgp_community = "12076:20001"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/how-to-configure-custom-bgp-communities
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#connect-through-model
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.vnet_bgp_community_shared

import data.erguard.lib.customers
import data.erguard.lib.resources as res

community(v) := v.properties.bgpCommunities.virtualNetworkCommunity

# The customers using each community.
community_customers[community(v)] contains owner if {
	some v in res.of_type(res.vnet_type)
	is_string(community(v))
	owner := customers.of_id(v.id)
}

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s of customer %s shares BGP community %s with customers: %s", [v.name, owner, community(v), concat(", ", others)]),
	"evidence": {"community": community(v), "customers": others},
} if {
	some v in res.of_type(res.vnet_type)
	is_string(community(v))
	owner := customers.of_id(v.id)
	others := sort([o | some o in community_customers[community(v)]; o != owner])
	count(others) > 0
}
