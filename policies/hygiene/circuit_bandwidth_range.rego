# METADATA
# title: Circuit bandwidth is within the estate's range
# description: |
#   The seed: ExpressRoute supports 50 Mbps to 10 Gbps through providers (ExpressRoute
#   Direct goes to 100 Gbps), and bandwidth can be raised in place but lowering it needs a
#   new circuit. An estate standardises the sizes it sells and supports (circuit.bandwidth_mbps
#   and circuit.direct_bandwidth_gbps); a circuit outside them is either oversized (paid for,
#   unused, and not reversible) or undersized for what it carries.
# custom:
#   id: ER-CIRCUIT-002
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A provider circuit's bandwidthInMbps lies outside circuit.bandwidth_mbps, or a Direct circuit's bandwidthInGbps outside circuit.direct_bandwidth_gbps.
#   unknown_when: the bandwidth is not known before deployment.
#   remediation: Resize the circuit (raise in place; to lower, create a smaller circuit and migrate), or widen the configured range if the size is intended.
#   remediation_examples:
#     arm: |
#       "serviceProviderProperties": { "serviceProviderName": "Equinix", "peeringLocation": "Amsterdam", "bandwidthInMbps": 1000 }
#     bicep: |
#       serviceProviderProperties: {
#         serviceProviderName: 'Equinix'
#         peeringLocation: 'Amsterdam'
#         bandwidthInMbps: 1000
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit" "er" {
#         bandwidth_in_mbps = 1000
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-portal-resource-manager#modify
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#network-speeds
#   frameworks:
#     waf: ["CO:07"]
package erguard.rules.hygiene.circuit_bandwidth_range

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.values

# [value, unit, range] of a circuit: Mbps for provider circuits, Gbps for Direct circuits.
measure(c) := [c.properties.serviceProviderProperties.bandwidthInMbps, "Mbps", config.get(["circuit", "bandwidth_mbps"], {})] if {
	is_number(c.properties.serviceProviderProperties.bandwidthInMbps)
}

measure(c) := [c.properties.bandwidthInGbps, "Gbps", config.get(["circuit", "direct_bandwidth_gbps"], {})] if {
	not is_number(object.get(c, ["properties", "serviceProviderProperties", "bandwidthInMbps"], null))
	is_number(c.properties.bandwidthInGbps)
}

outside(value, range) if value < object.get(range, "min", 0)

outside(value, range) if value > object.get(range, "max", value)

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s has %v %s, outside the range %v-%v %s", [c.name, value, unit, object.get(range, "min", "?"), object.get(range, "max", "?"), unit]),
	"evidence": {"bandwidth": value, "unit": unit},
} if {
	some c in res.of_type(res.circuit_type)
	[value, unit, range] := measure(c)
	outside(value, range)
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the bandwidth of circuit %s is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	values.has_unknown([object.get(c, ["properties", "serviceProviderProperties", "bandwidthInMbps"], null), object.get(c, ["properties", "bandwidthInGbps"], null)])
}
