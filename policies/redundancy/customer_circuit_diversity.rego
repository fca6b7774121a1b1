# METADATA
# title: Each customer has circuits in enough distinct peering locations
# description: |
#   The seed notes that large, complex deployments need several circuits per customer:
#   bandwidth and connection limits aside, one circuit (or several in one peering location)
#   is a single location's failure away from cutting the customer off. A CSP commits to a
#   number of diverse circuits per customer (customers.<name>.min_circuits, two by default);
#   this check counts the distinct peering locations of each customer's circuits.
# custom:
#   id: CSP-RED-001
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's customer has circuits in fewer distinct peering locations than its min_circuits.
#   unknown_when: the peering location of some of the customer's circuits cannot be told (a Direct port not in the snapshot) and the known ones are too few.
#   remediation: Provision another circuit for the customer in a different peering location (ideally with a different provider), connected to the same gateways.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Network/expressRouteCircuits", "apiVersion": "2024-05-01", "name": "er-contoso-london",
#         "location": "uksouth", "sku": { "name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData" },
#         "properties": { "serviceProviderProperties": { "serviceProviderName": "Equinix", "peeringLocation": "London", "bandwidthInMbps": 1000 } } }
#     bicep: |
#       resource london 'Microsoft.Network/expressRouteCircuits@2024-05-01' = {
#         name: 'er-contoso-london'
#         location: 'uksouth'
#         sku: { name: 'Standard_MeteredData', tier: 'Standard', family: 'MeteredData' }
#         properties: {
#           serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: 'London', bandwidthInMbps: 1000 }
#         }
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit" "london" {
#         name                  = "er-contoso-london"
#         service_provider_name = "Equinix"
#         peering_location      = "London"
#         bandwidth_in_mbps     = 1000
#         sku {
#           tier   = "Standard"
#           family = "MeteredData"
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/designing-for-disaster-recovery-with-expressroute-privatepeering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     aprl: [4d703025-dafc-f840-a183-5dc440456134]
package erguard.rules.redundancy.customer_circuit_diversity

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

# The circuits of each customer, their peering locations, and those whose location the snapshot
# lacks (keyed by customer and computed once: every circuit asks about its customer's).
customer_circuits[owner] contains lower(c.id) if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
}

locations[owner] := {loc | some id in circuits; loc := topology.peering_location(res.by_id[id])} if some owner, circuits in customer_circuits

unlocated[owner] := {id | some id in circuits; not topology.peering_location(res.by_id[id])} if some owner, circuits in customer_circuits

need(owner) := customers.requirements(owner).min_circuits

deny contains {
	"resource": c.id,
	"message": sprintf("customer %s has circuits in %d peering location(s) (%s); it needs %d", [owner, count(locations[owner]), concat(", ", sort(locations[owner])), need(owner)]),
	"evidence": {"customer": owner, "peeringLocations": sort(locations[owner])},
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	count(locations[owner]) + count(unlocated[owner]) < need(owner)
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the peering locations of some circuits of customer %s are not in the snapshot", [owner]),
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	count(locations[owner]) < need(owner)
	count(locations[owner]) + count(unlocated[owner]) >= need(owner)
}
