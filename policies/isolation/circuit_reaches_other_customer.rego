# METADATA
# title: Circuit reaches only virtual networks of its own customer
# description: |
#   An ExpressRoute circuit belongs to one customer and is never shared between customers:
#   whatever virtual network it reaches is reachable from that customer's on-premises
#   network (connect-to) or from the CSP network that serves that customer (connect-through).
#   A gateway connection, a peered spoke using the hub's gateway, or a Virtual WAN hub that
#   puts another customer's virtual network behind the circuit breaks customer isolation,
#   the first security baseline of the CSP model.
# custom:
#   id: CSP-ISO-001
#   severity: critical
#   baseline: isolation
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A virtual network the circuit reaches (through a gateway connection, a spoke peered with useRemoteGateways to such a gateway's network, or a Virtual WAN hub the circuit joins) belongs to a different customer than the circuit.
#   unknown_when: the circuit reaches a virtual network in another subscription and the customer of one of the two is not known (add the subscription to the snapshot's customers).
#   remediation: Remove the connection (or peering, or hub connection) that puts the other customer's virtual network behind this circuit; give each customer its own circuit and gateway.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-linkvnet-arm
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.circuit_reaches_other_customer

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s of customer %s reaches virtual networks of other customers: %s", [c.name, owner, concat(", ", foreign)]),
	"evidence": {"customer": owner, "vnets": foreign},
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	foreign := sort([sprintf("%s (%s)", [res.name_of(v), customers.of_id(v)]) |
		some v in topology.circuit_vnets[lower(c.id)]
		customers.of_id(v) != owner
	])
	count(foreign) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("circuit %s reaches virtual networks in other subscriptions whose customer is not known: %s", [c.name, concat(", ", vnets)]),
} if {
	customers.defined
	some c in res.of_type(res.circuit_type)
	not denied[lower(c.id)]
	vnets := sort([res.name_of(v) | some v in topology.circuit_vnets[lower(c.id)]; customers.undetermined(c.id, v)])
	count(vnets) > 0
}

denied contains lower(f.resource) if some f in deny
