# METADATA
# title: ExpressRoute gateway of a forced-tunneling customer learns the default route
# description: |
#   A default route advertised on-premises only forces traffic back over ExpressRoute if it
#   reaches the virtual networks: the ExpressRoute gateway must learn 0.0.0.0/0 over BGP and
#   program it into the networks it serves. A gateway that does not (because its connection
#   is down, a route filter or weight hides the route, or another circuit wins) leaves the
#   customer's networks breaking out to the Internet directly.
# custom:
#   id: CSP-FT-002
#   severity: high
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: An ExpressRoute gateway of a customer that requires forced tunneling has learned no 0.0.0.0/0 over BGP from a peer outside Azure.
#   unknown_when: the snapshot holds no learned routes for the gateway (collect with --runtime; templates and plans never hold them), or reading them failed.
#   remediation: Make sure the gateway's connection to the customer's circuit is up and that the on-premises edge advertises 0.0.0.0/0 on the private peering; check connection weights when several circuits are connected.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#advertising-default-routes
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.gateway_default_route_learned

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

required[lower(gw.id)] := gw if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	customers.requirements_of_id(gw.id).forced_tunneling == true
}

deny contains {
	"resource": gw.id,
	"message": sprintf("ExpressRoute gateway %s of a forced-tunneling customer has learned no default route from on-premises", [gw.name]),
	"evidence": {"learnedRoutes": count(object.get(gw, ["runtime", "learnedRoutes"], []))},
} if {
	some gw in required
	object.get(gw, ["runtime", "defaultRouteLearned"], null) == false
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the learned routes of ExpressRoute gateway %s are runtime state, which this snapshot does not hold", [gw.name]),
} if {
	some gw in required
	not is_boolean(object.get(gw, ["runtime", "defaultRouteLearned"], null))
}
