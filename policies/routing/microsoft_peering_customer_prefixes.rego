# METADATA
# title: Microsoft peering advertises only the customer's own public prefixes
# description: |
#   The seed: Microsoft (public) peering must use public IP addresses owned by the customer
#   or by the CSP. In a CSP estate, a prefix another customer owns advertised over this
#   customer's circuit draws that customer's return traffic from Microsoft services onto
#   the wrong circuit. Each customer's registered public ranges
#   (customers.<name>.public_prefixes) are the only acceptable advertisements.
# custom:
#   id: CSP-RT-002
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A prefix advertised over the circuit's Microsoft peering (IPv4 or IPv6) lies outside the public_prefixes of the circuit's customer.
#   unknown_when: the circuit's customer has no public_prefixes configured, or the advertised prefixes are not known before deployment.
#   remediation: Advertise only the customer's own public NAT ranges, or record additional ranges the customer owns in erguard.yaml (policy.customers.<name>.public_prefixes).
#   remediation_examples:
#     arm: |
#       "microsoftPeeringConfig": { "advertisedPublicPrefixes": [ "203.0.113.128/27" ] }
#     bicep: |
#       microsoftPeeringConfig: {
#         advertisedPublicPrefixes: [ '203.0.113.128/27' ]
#       }
#     terraform: |
#       microsoft_peering_config {
#         advertised_public_prefixes = ["203.0.113.128/27"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-prerequisites
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.microsoft_peering_customer_prefixes

import data.erguard.lib.customers
import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

advertised(p) := [x |
	some x in array.concat(
		values.list(p, ["properties", "microsoftPeeringConfig", "advertisedPublicPrefixes"]),
		values.list(p, ["properties", "ipv6PeeringConfig", "microsoftPeeringConfig", "advertisedPublicPrefixes"]),
	)
	is_string(x)
]

owned(x, prefixes) if {
	some q in prefixes
	net.within(q, x)
}

deny contains {
	"resource": c.id,
	"message": sprintf("the Microsoft peering of circuit %s advertises prefixes customer %s does not own: %s", [c.name, owner, concat(", ", foreign)]),
	"evidence": {"customer": owner, "prefixes": foreign},
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	mine := customers.requirements(owner).public_prefixes
	count(mine) > 0
	p := topology.peering(c, "MicrosoftPeering")
	foreign := sort([x | some x in advertised(p); not owned(x, mine)])
	count(foreign) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the public prefixes of customer %s are not configured, so whether circuit %s advertises only its own cannot be told", [owner, c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	count(customers.requirements(owner).public_prefixes) == 0
	p := topology.peering(c, "MicrosoftPeering")
	count(advertised(p)) > 0
}
