# METADATA
# title: Microsoft peering has a route filter
# description: |
#   Microsoft peering advertises nothing to on-premises until a route filter selects the
#   services (BGP communities) the customer needs; without one the peering is either useless
#   or, on older circuits, advertises every Microsoft prefix, attracting traffic the
#   customer never intended to send over the circuit. The seed: Microsoft peering needs
#   route filters that allow only permitted or required routes. IPv6 Microsoft peering needs
#   its own filter.
# custom:
#   id: ER-PEER-002
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's Microsoft peering has no routeFilter, or its enabled IPv6 configuration has none.
#   unknown_when: the route filter reference is not known before deployment.
#   remediation: Create a route filter with the communities of the services the customer needs and attach it to the Microsoft peering (and to its IPv6 configuration).
#   remediation_examples:
#     arm: |
#       "properties": { "peeringType": "MicrosoftPeering",
#         "routeFilter": { "id": "[resourceId('Microsoft.Network/routeFilters', 'rf-contoso')]" } }
#     bicep: |
#       properties: {
#         peeringType: 'MicrosoftPeering'
#         routeFilter: { id: routeFilter.id }
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit_peering" "microsoft" {
#         peering_type    = "MicrosoftPeering"
#         route_filter_id = azurerm_route_filter.contoso.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/how-to-routefilter-portal
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.microsoft_peering_route_filter

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

paths := {"IPv4": ["properties", "routeFilter"], "IPv6": ["properties", "ipv6PeeringConfig", "routeFilter"]}

applies(p, "IPv4")

applies(p, "IPv6") if object.get(p, ["properties", "ipv6PeeringConfig", "state"], "Disabled") == "Enabled"

deny contains {
	"resource": c.id,
	"message": sprintf("the Microsoft peering of circuit %s has no route filter for %s", [c.name, concat(" and ", missing)]),
	"evidence": {"missing": missing},
} if {
	some c in res.of_type(res.circuit_type)
	p := topology.peering(c, "MicrosoftPeering")
	missing := sort([family |
		some family, path in paths
		applies(p, family)
		not values.unknown_at(p, array.concat(path, ["id"]))
		not res.ref_id(object.get(p, path, null))
	])
	count(missing) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the route filter of the Microsoft peering of circuit %s is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	p := topology.peering(c, "MicrosoftPeering")
	some _, path in paths
	values.unknown_at(p, array.concat(path, ["id"]))
}
