# METADATA
# title: NSG admits private sources of its own customer only
# description: |
#   On a virtual network behind a customer's ExpressRoute circuit, inbound rules name the
#   on-premises ranges allowed in. A private source prefix that is neither one of the
#   customer's on-premises ranges (customers.<name>.onpremises_prefixes) nor inside one of the
#   customer's own virtual networks belongs to someone else: in a CSP estate, typically the
#   CSP network or another customer whose routes the circuit happens to carry. Such a rule
#   admits traffic the customer's isolation boundary should exclude.
# custom:
#   id: CSP-NSG-001
#   severity: high
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: The NSG belongs to a customer, protects a subnet of a virtual network reached through an ExpressRoute circuit, and has an inbound Allow rule whose source is a private prefix outside the customer's onpremises_prefixes and outside every virtual network of that customer.
#   unknown_when: such a private source exists but the customer's onpremises_prefixes are not configured, so it cannot be told whether the source is the customer's own network.
#   remediation: Restrict the rule's sources to the customer's own ranges; record the customer's on-premises ranges in erguard.yaml (policy.customers.<name>.onpremises_prefixes).
#   remediation_examples:
#     arm: |
#       "sourceAddressPrefixes": [ "172.20.0.0/16" ]
#     bicep: |
#       sourceAddressPrefixes: [
#         '172.20.0.0/16'
#       ]
#     terraform: |
#       source_address_prefixes = ["172.20.0.0/16"]
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.nsg.nsg_sources_within_customer

import data.erguard.lib.customers
import data.erguard.lib.net
import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.topology

# The private sources of inbound Allow rules that are outside the customer's known ranges.
foreign_sources(nsg_id, owner, onprem) := sort([sprintf("%s (rule %s)", [p, r.name]) |
	some r in nsg.inbound_allow_rules(nsg_id)
	some p in net.sources(r)
	net.cidr(p)
	net.is_private(p)
	not inside_any(p, onprem)
	not inside_customer_vnet(p, owner)
])

inside_any(p, prefixes) if {
	some q in prefixes
	net.within(q, p)
}

# The index (see topology) of the prefixes of each customer's virtual networks, for lookups of
# the prefixes containing a source.
customer_prefixes_at[owner][path[count(path) - 1]][vid][p] := c if {
	some vid, entries in topology.prefix_keys
	owner := customers.of_id(vid)
	some [p, c, path] in entries
}

# True when a virtual network of the customer has a prefix containing p.
inside_customer_vnet(p, owner) if count(topology.containing(object.get(customer_prefixes_at, owner, {}), p)) > 0

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s of customer %s admits private sources outside the customer's networks: %s", [n.name, owner, concat(", ", sources)]),
	"evidence": {"customer": owner, "sources": sources},
} if {
	some n in res.of_type(res.nsg_type)
	topology.circuit_nsgs[lower(n.id)]
	owner := customers.of_id(n.id)
	onprem := customers.requirements(owner).onpremises_prefixes
	count(onprem) > 0
	sources := foreign_sources(lower(n.id), owner, onprem)
	count(sources) > 0
}

unknown contains {
	"resource": n.id,
	"message": sprintf("NSG %s admits private sources outside customer %s's virtual networks, and the customer's on-premises prefixes are not configured: %s", [n.name, owner, concat(", ", sources)]),
} if {
	some n in res.of_type(res.nsg_type)
	topology.circuit_nsgs[lower(n.id)]
	owner := customers.of_id(n.id)
	count(customers.requirements(owner).onpremises_prefixes) == 0
	sources := foreign_sources(lower(n.id), owner, [])
	count(sources) > 0
}
