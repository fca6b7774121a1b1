# METADATA
# title: ExpressRoute gateway connects circuits in two peering locations
# description: |
#   A circuit's two links protect against a router failure, not against the loss of its
#   peering location (a site outage, a provider failure, a fibre cut into the building).
#   Connecting each gateway, in a virtual network or in a Virtual WAN hub, to at least two
#   circuits in different peering locations keeps the networks reachable when a whole
#   location goes down: the seed's "large deployments need several circuits".
# custom:
#   id: ER-GW-003
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways, microsoft.network/expressroutegateways]
#   fails_when: An ExpressRoute gateway (virtual network or Virtual WAN) is connected to fewer than two circuits, or all its circuits share one peering location.
#   unknown_when: the gateway has fewer than two known peering locations only because some of its circuits (or their Direct ports) are not in the snapshot.
#   remediation: Connect the gateway to a second circuit in a different peering location (with a different provider where possible), and weight the connections for the preferred path.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Network/connections", "apiVersion": "2024-05-01", "name": "ergw-to-er-london",
#         "location": "westeurope", "properties": { "connectionType": "ExpressRoute", "routingWeight": 10,
#           "virtualNetworkGateway1": { "id": "[resourceId('Microsoft.Network/virtualNetworkGateways', 'ergw')]" },
#           "peer": { "id": "[parameters('secondCircuitId')]" } } }
#     bicep: |
#       resource second 'Microsoft.Network/connections@2024-05-01' = {
#         name: 'ergw-to-er-london'
#         location: location
#         properties: {
#           connectionType: 'ExpressRoute'
#           routingWeight: 10
#           virtualNetworkGateway1: { id: ergw.id }
#           peer: { id: secondCircuitId }
#         }
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway_connection" "london" {
#         name                       = "ergw-to-er-london"
#         type                       = "ExpressRoute"
#         virtual_network_gateway_id = azurerm_virtual_network_gateway.ergw.id
#         express_route_circuit_id   = var.second_circuit_id
#         routing_weight             = 10
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/designing-for-disaster-recovery-with-expressroute-privatepeering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     aprl: [4d703025-dafc-f840-a183-5dc440456134, d37db635-157f-584d-9bce-4f6fc8c65ce5, 9987c813-d687-4163-a511-95f31bc5e536]
#     waf: ["RE:05"]
package erguard.rules.redundancy.er_gateway_diverse_circuits

import data.erguard.lib.resources as res
import data.erguard.lib.topology

# The circuits (lower-case ids) of each ExpressRoute gateway, of both kinds.
gateway_circuits[lower(gw.id)] := object.get(topology.gateway_circuits, lower(gw.id), set()) if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
}

gateway_circuits[lower(g.id)] := object.get(topology.er_gateway_circuits, lower(g.id), set()) if {
	some g in res.of_type(res.er_gateway_type)
}

locations(circuits) := {loc | some c in circuits; loc := topology.peering_location(res.by_id[c])}

unlocated(circuits) := {c | some c in circuits; not topology.peering_location(res.by_id[c])}

deny contains {
	"resource": res.by_id[id].id,
	"message": sprintf("ExpressRoute gateway %s reaches on-premises through %d circuit(s) in %d peering location(s): %s", [res.by_id[id].name, count(circuits), count(locs), concat(", ", sort(locs))]),
	"evidence": {"circuits": sort([res.name_of(c) | some c in circuits]), "peeringLocations": sort(locs)},
} if {
	some id, circuits in gateway_circuits
	locs := locations(circuits)
	count(locs) < 2
	count(unlocated(circuits)) + count(locs) < 2
}

unknown contains {
	"resource": res.by_id[id].id,
	"message": sprintf("the peering locations of some circuits of ExpressRoute gateway %s are not in the snapshot: %s", [res.by_id[id].name, concat(", ", sort([res.name_of(c) | some c in unlocated(circuits)]))]),
} if {
	some id, circuits in gateway_circuits
	count(locations(circuits)) < 2
	count(unlocated(circuits)) + count(locations(circuits)) >= 2
}
