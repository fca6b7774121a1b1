# METADATA
# title: Connect-through customers' networks do not overlap
# description: |
#   In the connect-through model the CSP's network carries the routes of every customer's
#   virtual networks. Two customers reached through their circuits with overlapping address
#   spaces force the CSP edge to choose: unless every customer lives in a separate VRF all
#   the way, one customer's traffic is delivered to the other's network. Overlap between
#   connect-through customers is an isolation failure waiting for a routing change.
# custom:
#   id: CSP-RT-005
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network belongs to a connect-through customer, is reached through an ExpressRoute circuit, and its address space overlaps that of a circuit-reached virtual network of another connect-through customer.
#   remediation: Allocate each connect-through customer address space from a CSP-wide plan without overlap, or keep the customers in separate VRFs end to end and waive this check with that design on record.
#   remediation_examples:
#     arm: |
#       "addressSpace": { "addressPrefixes": [ "10.44.0.0/16" ] }
#     bicep: |
#       addressSpace: {
#         addressPrefixes: [ '10.44.0.0/16' ]
#       }
#     terraform: |
#       address_space = ["10.44.0.0/16"]
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#connect-through-model
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.customer_address_overlap

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

# Circuit-reached virtual networks of connect-through customers, with their customer.
through[vid] := owner if {
	some vid, _ in topology.vnet_circuits
	owner := customers.of_id(vid)
	customers.model(owner) == "connect-through"
}

clashes(vid, owner) := sort({sprintf("%s of %s (%s)", [res.name_of(other[0]), through[other[0]], other[1]]) |
	some p in object.get(topology.vnet_prefixes, vid, [])
	some other in topology.vnets_overlapping(p)
	other_owner := through[other[0]]
	other_owner != owner
})

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s of connect-through customer %s overlaps networks of other connect-through customers: %s", [v.name, owner, concat(", ", cs)]),
	"evidence": {"customer": owner, "overlaps": cs},
} if {
	some vid, owner in through
	v := res.by_id[vid]
	cs := clashes(vid, owner)
	count(cs) > 0
}
