# METADATA
# title: Virtual network is reached through circuits of one customer only
# description: |
#   A virtual network behind circuits of two customers (a CSP "shared services" hub whose
#   gateway connects several customers' circuits, or a Virtual WAN hub network) is a meeting
#   point of their routing domains: both customers' on-premises networks reach it, and
#   whatever it forwards or hosts is exposed to both. Even when the network belongs to the
#   CSP, it must not bridge customers.
# custom:
#   id: CSP-ISO-004
#   severity: critical
#   baseline: isolation
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The circuits through which the virtual network is reached (directly, by gateway transit, or through a Virtual WAN hub) belong to more than one customer.
#   unknown_when: the network is reached through several circuits and the customer of some of them is not known.
#   remediation: Give each customer its own gateway and hub network; connect shared services through Private Link or per-customer firewalled paths.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#     - https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.vnet_reached_by_several_customers

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s is reached through circuits of several customers: %s", [v.name, concat(", ", sort(owners))]),
	"evidence": {"customers": sort(owners), "circuits": sort([res.name_of(c) | some c in topology.vnet_circuits[lower(v.id)]])},
} if {
	some v in res.of_type(res.vnet_type)
	owners := {customers.of_id(c) | some c in topology.vnet_circuits[lower(v.id)]}
	count(owners) > 1
}

unknown contains {
	"resource": v.id,
	"message": sprintf("virtual network %s is reached through circuits whose customer is not known: %s", [v.name, concat(", ", unowned)]),
} if {
	customers.defined
	some v in res.of_type(res.vnet_type)
	circuits := topology.vnet_circuits[lower(v.id)]
	count(circuits) > 1
	count({customers.of_id(c) | some c in circuits}) <= 1
	unowned := sort([res.name_of(c) | some c in circuits; not customers.of_id(c)])
	count(unowned) > 0
}
