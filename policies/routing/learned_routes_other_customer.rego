# METADATA
# title: Gateway learns no routes to another customer's networks
# description: |
#   The routes a customer's ExpressRoute gateway learns over BGP are the networks its
#   virtual networks can reach. A learned route that covers the address space of another
#   customer's virtual network is direct evidence that the routing domains touch: through a
#   CSP network that does not separate customers, a Global Reach link, or a shared
#   gateway, one customer's Azure networks have a path to another's.
# custom:
#   id: CSP-RT-006
#   severity: critical
#   baseline: routing
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: A route an ExpressRoute gateway learned over BGP (other than the default route) overlaps the address space of a virtual network that belongs to a different customer than the gateway.
#   unknown_when: the snapshot holds no learned routes for the gateway (collect with --runtime; templates and plans never hold them).
#   remediation: Stop the advertisement at its source (CSP edge route policies per customer VRF, Global Reach links, shared gateways), then confirm with a fresh runtime collection.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.learned_routes_other_customer

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

er_gateways[lower(gw.id)] := gw if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	customers.of_id(gw.id)
}

leaks(gw) := sort({sprintf("%s reaches %s of %s", [r.network, res.name_of(hit[0]), customers.of_id(hit[0])]) |
	owner := customers.of_id(gw.id)
	some r in values.list(gw, ["runtime", "learnedRoutes"])
	values.lc(object.get(r, "origin", "")) in {"ebgp", "ibgp"}
	is_string(r.network)
	r.network != "0.0.0.0/0"
	some hit in topology.vnets_overlapping(r.network)
	other := customers.of_id(hit[0])
	other != owner
})

deny contains {
	"resource": gw.id,
	"message": sprintf("ExpressRoute gateway %s of customer %s learns routes to other customers' networks: %s", [gw.name, customers.of_id(gw.id), concat("; ", ls)]),
	"evidence": {"routes": ls},
} if {
	some gw in er_gateways
	ls := leaks(gw)
	count(ls) > 0
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the routes learned by ExpressRoute gateway %s are runtime state, which this snapshot does not hold", [gw.name]),
} if {
	some gw in er_gateways
	not is_array(object.get(gw, ["runtime", "learnedRoutes"], null))
}
