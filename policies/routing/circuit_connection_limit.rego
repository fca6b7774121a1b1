# METADATA
# title: Circuit SKU supports the number of linked virtual networks
# description: |
#   A Standard or Local circuit links at most 10 virtual networks (Premium raises the limit
#   with the bandwidth). Links beyond the limit fail to establish, so networks the design
#   expects to reach on-premises silently cannot; the seed warns that ExpressRoute's
#   bandwidth and connection limits push large deployments to several circuits.
# custom:
#   id: ER-CIRCUIT-005
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A circuit whose tier is not Premium has more connections (gateway connections and Virtual WAN hub connections) than circuit.standard_max_connections.
#   remediation: Upgrade the circuit to Premium, consolidate networks behind a hub with gateway transit, or split them over another circuit.
#   remediation_examples:
#     arm: |
#       "sku": { "name": "Premium_MeteredData", "tier": "Premium", "family": "MeteredData" }
#     bicep: |
#       sku: {
#         name: 'Premium_MeteredData'
#         tier: 'Premium'
#         family: 'MeteredData'
#       }
#     terraform: |
#       sku {
#         tier   = "Premium"
#         family = "MeteredData"
#       }
#   references:
#     - https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#expressroute-limits
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#network-speeds
#   frameworks:
#     waf: ["PE:05"]
package erguard.rules.routing.circuit_connection_limit

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

links(id) := count(object.get(topology.circuit_connections, id, set())) + count(object.get(topology.circuit_hubs, id, set()))

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s (%s) has %d virtual network links; its tier supports %d", [c.name, object.get(c, ["sku", "tier"], "?"), links(lower(c.id)), max_links]),
	"evidence": {"links": links(lower(c.id)), "limit": max_links},
} if {
	some c in res.of_type(res.circuit_type)
	values.lc(object.get(c, ["sku", "tier"], "")) != "premium"
	max_links := config.get(["circuit", "standard_max_connections"], 10)
	links(lower(c.id)) > max_links
}
