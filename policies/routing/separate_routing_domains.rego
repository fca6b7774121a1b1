# METADATA
# title: Circuit of a customer that separates routing domains carries one of them only
# description: |
#   The seed: depending on its security posture, a customer may refuse to let public
#   (Microsoft peering) and private traffic traverse the same circuit. For such a customer
#   (customers.<name>.separate_routing_domains) each circuit carries either private peering
#   or Microsoft peering, never both, so that routes and traffic of the two domains never
#   share edge routers, links or failure.
# custom:
#   id: CSP-RT-001
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's customer requires separate routing domains and the circuit has both a private and a Microsoft peering.
#   remediation: Move the Microsoft peering (or the private peering) to a circuit of its own for this customer.
#   remediation_examples:
#     arm: |
#       // remove the MicrosoftPeering from this circuit's peerings and create it on a dedicated circuit
#     bicep: |
#       // remove the MicrosoftPeering from this circuit's peerings and create it on a dedicated circuit
#     terraform: |
#       # move azurerm_express_route_circuit_peering "MicrosoftPeering" to a dedicated circuit
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-circuit-peerings
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#configuring-expressroute
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.separate_routing_domains

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s carries private and Microsoft peering, but customer %s keeps public and private traffic on separate circuits", [c.name, customers.of_id(c.id)]),
} if {
	some c in res.of_type(res.circuit_type)
	customers.requirements_of_id(c.id).separate_routing_domains == true
	topology.peering(c, "AzurePrivatePeering")
	topology.peering(c, "MicrosoftPeering")
}
