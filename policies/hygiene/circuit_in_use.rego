# METADATA
# title: Circuit is connected to something
# description: |
#   A provisioned circuit without a single gateway connection, Virtual WAN connection or
#   Global Reach link carries no traffic: it costs its monthly port fee and keeps a BGP
#   routing domain open at the provider for nobody. Orphaned circuits also tend to keep
#   authorization keys and peerings nobody reviews.
# custom:
#   id: ER-CIRCUIT-006
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: No connection, Virtual WAN ExpressRoute connection or Global Reach link of the snapshot uses the circuit.
#   remediation: Connect the circuit to the gateways it was ordered for, or deprovision and delete it.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Network/connections", "apiVersion": "2024-05-01", "name": "ergw-to-er-1", "location": "westeurope",
#         "properties": { "connectionType": "ExpressRoute", "virtualNetworkGateway1": { "id": "[resourceId('Microsoft.Network/virtualNetworkGateways', 'ergw')]" },
#           "peer": { "id": "[resourceId('Microsoft.Network/expressRouteCircuits', 'er-1')]" } } }
#     bicep: |
#       resource link 'Microsoft.Network/connections@2024-05-01' = {
#         name: 'ergw-to-er-1'
#         location: location
#         properties: {
#           connectionType: 'ExpressRoute'
#           virtualNetworkGateway1: { id: ergw.id }
#           peer: { id: circuit.id }
#         }
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway_connection" "er1" {
#         type                       = "ExpressRoute"
#         virtual_network_gateway_id = azurerm_virtual_network_gateway.ergw.id
#         express_route_circuit_id   = azurerm_express_route_circuit.er1.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-linkvnet-portal-resource-manager
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-portal-resource-manager#delete
#   frameworks:
#     waf: ["CO:07"]
package erguard.rules.hygiene.circuit_in_use

import data.erguard.lib.resources as res
import data.erguard.lib.topology

used(id) if topology.circuit_connections[id]

used(id) if topology.circuit_hubs[id]

used(id) if topology.global_reach[id]

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s is connected to no gateway, hub or other circuit", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	not used(lower(c.id))
}
