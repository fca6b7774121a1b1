# METADATA
# title: Virtual networks behind one circuit have distinct address spaces
# description: |
#   Every virtual network a circuit reaches advertises its address space to on-premises over
#   the same BGP sessions. Two of them with overlapping ranges make the on-premises routers
#   pick one, so traffic for the other is delivered to the wrong network: at best an outage,
#   at worst data sent to a network of a different team or customer.
# custom:
#   id: VNET-001
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network's address space overlaps that of another virtual network reached through a circuit it is also reached through.
#   remediation: Re-address one of the networks from the estate's IP plan, or separate them onto different circuits whose on-premises routing domains never meet.
#   remediation_examples:
#     arm: |
#       "addressSpace": { "addressPrefixes": [ "10.12.0.0/16" ] }
#     bicep: |
#       addressSpace: {
#         addressPrefixes: [ '10.12.0.0/16' ]
#       }
#     terraform: |
#       address_space = ["10.12.0.0/16"]
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#route-aggregation-and-prefix-limits
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#routing
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.circuit_vnets_overlap

import data.erguard.lib.resources as res
import data.erguard.lib.topology

# The prefixes of other networks behind one of vid's circuits that overlap vid's prefixes,
# found through each circuit's overlap index (never every pair of networks behind a circuit).
overlaps_with(vid) := sort({sprintf("%s (%s)", [res.name_of(other), q]) |
	some c in topology.vnet_circuits[vid]
	some p in object.get(topology.vnet_prefixes, vid, [])
	some [other, q] in topology.circuit_vnets_overlapping(c, p)
	other != vid
})

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s overlaps other networks behind the same circuit: %s", [v.name, concat(", ", others)]),
	"evidence": {"overlaps": others},
} if {
	some v in res.of_type(res.vnet_type)
	others := overlaps_with(lower(v.id))
	count(others) > 0
}
