# METADATA
# title: ExpressRoute Direct port is not over-subscribed
# description: |
#   Circuits on a 10 or 100 Gbps ExpressRoute Direct port can be provisioned up to twice the
#   port's bandwidth. That only works while both links are up: when one fails, the
#   remaining link cannot carry what the circuits were promised, and every customer on the
#   port is degraded at once. Keep the circuits' total within the bandwidth of one link.
# custom:
#   id: ER-PORT-004
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/expressrouteports]
#   fails_when: The bandwidth of the circuits provisioned on the port (provisionedBandwidthInGbps, or the sum of the circuits of the snapshot on the port) exceeds the port's bandwidthInGbps.
#   unknown_when: the port's bandwidth is not known before deployment.
#   remediation: Lower circuit bandwidths or move circuits to another port pair so that their total fits within one link.
#   remediation_examples:
#     arm: |
#       // the circuits on the port, together at most the port's bandwidth:
#       "properties": { "expressRoutePort": { "id": "[resourceId('Microsoft.Network/expressRoutePorts', 'port-1')]" }, "bandwidthInGbps": 5 }
#     bicep: |
#       properties: {
#         expressRoutePort: { id: port.id }
#         bandwidthInGbps: 5
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit" "er" {
#         express_route_port_id = azurerm_express_route_port.port1.id
#         bandwidth_in_gbps     = 5
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-erdirect-about#circuit-sizes
#   frameworks:
#     aprl: [0bee356b-7348-4799-8cab-0c71ffe13018]
package erguard.rules.redundancy.port_not_oversubscribed

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# The bandwidth in Gbps the circuits of the snapshot hold on each port.
circuits_gbps(port) := sum([topology.bandwidth_mbps(c) / 1000 |
	some id in topology.port_circuits[port]
	c := res.by_id[id]
])

provisioned(p) := max([object.get(p, ["properties", "provisionedBandwidthInGbps"], 0), circuits_gbps(lower(p.id))]) if topology.port_circuits[lower(p.id)]

provisioned(p) := object.get(p, ["properties", "provisionedBandwidthInGbps"], 0) if not topology.port_circuits[lower(p.id)]

deny contains {
	"resource": p.id,
	"message": sprintf("ExpressRoute Direct port %s carries %v Gbps of circuits on %v Gbps links", [p.name, provisioned(p), p.properties.bandwidthInGbps]),
	"evidence": {"provisionedGbps": provisioned(p), "portGbps": p.properties.bandwidthInGbps},
} if {
	some p in res.of_type(res.port_type)
	is_number(p.properties.bandwidthInGbps)
	provisioned(p) > p.properties.bandwidthInGbps
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the bandwidth of port %s is not known before deployment", [p.name]),
} if {
	some p in res.of_type(res.port_type)
	values.is_unknown(object.get(p, ["properties", "bandwidthInGbps"], null))
}
