# METADATA
# title: Circuits on ExpressRoute Direct are rate-limited
# description: |
#   Without rate limiting a circuit on an ExpressRoute Direct port can use the whole port,
#   so one customer's burst starves the other circuits sharing the port pair. Rate limiting
#   holds each circuit to its provisioned bandwidth: the per-customer fairness a CSP
#   promises when it sells circuits on its own ports.
# custom:
#   id: ER-CIRCUIT-012
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A circuit on an ExpressRoute Direct port (properties.expressRoutePort set) does not have enableDirectPortRateLimit true.
#   unknown_when: the setting is not known before deployment.
#   remediation: Enable rate limiting on the circuit (it applies to private and Microsoft peering traffic).
#   remediation_examples:
#     arm: |
#       "properties": { "expressRoutePort": { "id": "[resourceId('Microsoft.Network/expressRoutePorts', 'port-1')]" }, "bandwidthInGbps": 5, "enableDirectPortRateLimit": true }
#     bicep: |
#       properties: {
#         expressRoutePort: { id: port.id }
#         bandwidthInGbps: 5
#         enableDirectPortRateLimit: true
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit" "er" {
#         express_route_port_id = azurerm_express_route_port.port1.id
#         bandwidth_in_gbps     = 5
#         rate_limiting_enabled = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/rate-limit
#   frameworks:
#     aprl: [d40c769d-2f08-4980-8d8f-a386946276e6]
package erguard.rules.hygiene.direct_circuit_rate_limit

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s on ExpressRoute Direct is not rate-limited", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	topology.circuit_port[lower(c.id)]
	v := object.get(c, ["properties", "enableDirectPortRateLimit"], false)
	not values.is_unknown(v)
	v != true
}

unknown contains {
	"resource": c.id,
	"message": sprintf("whether circuit %s is rate-limited is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	topology.circuit_port[lower(c.id)]
	values.is_unknown(object.get(c, ["properties", "enableDirectPortRateLimit"], null))
}
