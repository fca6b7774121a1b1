# METADATA
# title: Route filter is attached to a Microsoft peering
# description: |
#   A route filter does nothing until a Microsoft peering uses it. An unattached filter is
#   left over from a removed peering or a change never completed; in the meantime the peering
#   it was meant for may be running without one, or with another filter nobody reviewed.
# custom:
#   id: ER-RF-002
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/routefilters]
#   fails_when: No circuit peering of the snapshot names the route filter, and the filter's own peerings list is empty.
#   remediation: Attach the filter to the Microsoft peering it was created for, or delete it.
#   remediation_examples:
#     arm: |
#       "routeFilter": { "id": "[resourceId('Microsoft.Network/routeFilters', 'rf-contoso')]" }
#     bicep: |
#       routeFilter: {
#         id: routeFilter.id
#       }
#     terraform: |
#       route_filter_id = azurerm_route_filter.contoso.id
#   references:
#     - https://learn.microsoft.com/azure/expressroute/how-to-routefilter-portal
#   frameworks:
#     waf: ["OE:05"]
package erguard.rules.hygiene.route_filter_attached

import data.erguard.lib.resources as res
import data.erguard.lib.topology

attached contains res.ref_id(ref) if {
	some c in res.of_type(res.circuit_type)
	some p in topology.peerings(c)
	some ref in [object.get(p, ["properties", "routeFilter"], null), object.get(p, ["properties", "ipv6PeeringConfig", "routeFilter"], null)]
	res.ref_id(ref)
}

deny contains {
	"resource": f.id,
	"message": sprintf("route filter %s is attached to no Microsoft peering", [f.name]),
} if {
	some f in res.of_type(res.route_filter_type)
	not attached[lower(f.id)]
	count(object.get(f, ["properties", "peerings"], [])) == 0
}
