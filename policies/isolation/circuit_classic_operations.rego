# METADATA
# title: ExpressRoute circuit does not allow classic operations
# description: |
#   With allowClassicOperations a circuit created in Resource Manager can also be linked to
#   classic (ASM) virtual networks, which Resource Manager RBAC, policies and this scanner do
#   not see. A CSP that isolates customers by subscription loses track of what the circuit
#   reaches; the classic model is retired, so nothing legitimate needs the setting any more.
# custom:
#   id: ER-CIRCUIT-004
#   severity: medium
#   baseline: isolation
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's properties.allowClassicOperations is true.
#   unknown_when: the setting is not known before deployment.
#   remediation: Set allowClassicOperations to false after removing any classic virtual network links.
#   remediation_examples:
#     arm: |
#       "properties": { "allowClassicOperations": false }
#     bicep: |
#       properties: {
#         allowClassicOperations: false
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit" "er" {
#         allow_classic_operations = false
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-move-arm
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#microsoft-azure-resource-management
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.circuit_classic_operations

import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s allows classic operations: classic virtual networks can be linked outside Resource Manager", [c.name]),
	"evidence": {"allowClassicOperations": true},
} if {
	some c in res.of_type(res.circuit_type)
	object.get(c, ["properties", "allowClassicOperations"], false) == true
}

unknown contains {
	"resource": c.id,
	"message": sprintf("whether circuit %s allows classic operations is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	values.is_unknown(object.get(c, ["properties", "allowClassicOperations"], null))
}
