# METADATA
# title: The links of an ExpressRoute Direct port end on two routers
# description: |
#   The two links of an ExpressRoute Direct port should terminate on two different Microsoft
#   edge routers (Azure reports each link's routerName): that is what makes the port a
#   redundant pair, as the seed requires of every circuit. Links on one router share its
#   failure.
# custom:
#   id: ER-PORT-006
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/expressrouteports]
#   fails_when: Two links of the port report the same routerName.
#   unknown_when: the links' router names are absent (read-only properties a template or plan cannot hold).
#   remediation: Have the links re-provisioned on distinct routers (open a support request for the port pair).
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-erdirect-about
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     aprl: [0e19cc41-8274-1342-b0db-0e4146eacef8]
package erguard.rules.redundancy.port_links_distinct_routers

import data.erguard.lib.resources as res
import data.erguard.lib.values

routers(p) := [lower(l.properties.routerName) | some l in values.list(p, ["properties", "links"]); is_string(l.properties.routerName)]

deny contains {
	"resource": p.id,
	"message": sprintf("the links of ExpressRoute Direct port %s end on the same router %s", [p.name, routers(p)[0]]),
	"evidence": {"routers": routers(p)},
} if {
	some p in res.of_type(res.port_type)
	count(routers(p)) >= 2
	count({r | some r in routers(p)}) < count(routers(p))
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the routers of the links of port %s are not in this source", [p.name]),
} if {
	some p in res.of_type(res.port_type)
	count(routers(p)) < 2
}
