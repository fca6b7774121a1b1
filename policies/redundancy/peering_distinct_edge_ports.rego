# METADATA
# title: The two links of each peering terminate on different Microsoft edge ports
# description: |
#   The seed: a circuit is a pair of connections, and each must terminate on a different
#   router to stay available. Azure reports, for every peering, the Microsoft edge port of
#   the primary and of the secondary link. When both name the same port, the "pair" shares a
#   single device and a single failure takes both sessions down; the provider's cross-connects
#   need correcting.
# custom:
#   id: CSP-RED-002
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A peering's primaryAzurePort and secondaryAzurePort are the same port.
#   unknown_when: the source is a template or plan, which cannot hold these read-only properties.
#   remediation: Ask the connectivity provider (or, on ExpressRoute Direct, re-patch the links) so that the primary and secondary connections land on the two different Microsoft edge routers.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     aprl: [0e19cc41-8274-1342-b0db-0e4146eacef8]
package erguard.rules.redundancy.peering_distinct_edge_ports

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

deny contains {
	"resource": c.id,
	"message": sprintf("both links of peerings of circuit %s end on the same Microsoft edge port: %s", [c.name, concat(", ", same)]),
	"evidence": {"peerings": same},
} if {
	some c in res.of_type(res.circuit_type)
	same := sort([sprintf("%s (%s)", [p.name, p.properties.primaryAzurePort]) |
		some p in topology.peerings(c)
		is_string(p.properties.primaryAzurePort)
		p.properties.primaryAzurePort != ""
		lower(p.properties.primaryAzurePort) == values.lc(object.get(p, ["properties", "secondaryAzurePort"], ""))
	])
	count(same) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the Microsoft edge ports of circuit %s are read-only and not in a template or plan", [c.name]),
} if {
	res.iac
	some c in res.of_type(res.circuit_type)
	count(topology.peerings(c)) > 0
}
