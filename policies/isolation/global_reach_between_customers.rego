# METADATA
# title: Global Reach links only circuits of the same customer
# description: |
#   ExpressRoute Global Reach joins the private peerings of two circuits so that the
#   on-premises networks behind them exchange routes and traffic through the Microsoft
#   backbone. Between circuits of two customers it connects one customer's data centre to
#   another's: the very leak customer isolation exists to prevent.
# custom:
#   id: CSP-ISO-002
#   severity: critical
#   baseline: isolation
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A Global Reach connection (declared on either circuit) links the circuit with a circuit of a different customer.
#   unknown_when: the circuit is linked to a circuit in another subscription and the customer of one of them is not known.
#   remediation: Delete the Global Reach connection between the two customers' circuits.
#   remediation_examples:
#     arm: |
#       // remove the Microsoft.Network/expressRouteCircuits/peerings/connections resource that
#       // names the other customer's circuit in peerExpressRouteCircuitPeering
#     bicep: |
#       // remove the expressRouteCircuits/peerings/connections resource that names the other
#       // customer's circuit in peerExpressRouteCircuitPeering
#     terraform: |
#       # remove the azurerm_express_route_circuit_connection whose peer_peering_id is the other
#       # customer's circuit peering
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-global-reach
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.global_reach_between_customers

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s of customer %s is linked by Global Reach to circuits of other customers: %s", [c.name, owner, concat(", ", foreign)]),
	"evidence": {"customer": owner, "circuits": foreign},
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	foreign := sort([sprintf("%s (%s)", [res.name_of(o), customers.of_id(o)]) |
		some o in topology.global_reach[lower(c.id)]
		customers.of_id(o) != owner
	])
	count(foreign) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("circuit %s is linked by Global Reach to circuits whose customer is not known: %s", [c.name, concat(", ", others)]),
} if {
	customers.defined
	some c in res.of_type(res.circuit_type)
	not denied[lower(c.id)]
	others := sort([res.name_of(o) | some o in topology.global_reach[lower(c.id)]; customers.undetermined(c.id, o)])
	count(others) > 0
}

denied contains lower(f.resource) if some f in deny
