# METADATA
# title: Virtual WAN hub serves one customer only
# description: |
#   Every network and circuit connected to a Virtual WAN hub shares its routing: by default
#   each branch and virtual network connection learns the others' routes. A hub that connects
#   circuits or virtual networks of several customers makes them reachable from each other
#   unless custom route tables isolate every connection, which is easy to get wrong and hard
#   to audit. Give each customer its own hub.
# custom:
#   id: CSP-ISO-005
#   severity: critical
#   baseline: isolation
#   resource_types: [microsoft.network/virtualhubs]
#   fails_when: The circuits (through the hub's ExpressRoute gateway) and virtual networks connected to the hub belong to more than one customer.
#   unknown_when: the customer of some circuit or virtual network the hub connects is not known.
#   remediation: Move each customer's circuits and virtual networks to a hub of their own (or, at the least, isolate them with custom route tables and routing intent, and waive this finding with the design reference).
#   references:
#     - https://learn.microsoft.com/azure/virtual-wan/scenario-isolate-vnets-custom
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.wan_hub_shared_between_customers

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

members(hub) := topology.hub_circuits[hub] | topology.hub_vnets[hub] if {
	topology.hub_circuits[hub]
	topology.hub_vnets[hub]
} else := topology.hub_circuits[hub] if {
	topology.hub_circuits[hub]
} else := topology.hub_vnets[hub]

deny contains {
	"resource": h.id,
	"message": sprintf("Virtual WAN hub %s connects networks of several customers: %s", [h.name, concat(", ", sort(owners))]),
	"evidence": {"customers": sort(owners)},
} if {
	some h in res.of_type(res.hub_type)
	owners := {customers.of_id(m) | some m in members(lower(h.id))}
	count(owners) > 1
}

unknown contains {
	"resource": h.id,
	"message": sprintf("Virtual WAN hub %s connects resources whose customer is not known: %s", [h.name, concat(", ", unowned)]),
} if {
	customers.defined
	some h in res.of_type(res.hub_type)
	ms := members(lower(h.id))
	count({customers.of_id(m) | some m in ms}) <= 1
	unowned := sort([res.name_of(m) | some m in ms; not customers.of_id(m)])
	count(unowned) > 0
}
