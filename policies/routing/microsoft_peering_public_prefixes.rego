# METADATA
# title: Microsoft peering advertises only public prefixes
# description: |
#   Microsoft peering exchanges routes with Microsoft's public services; the prefixes the
#   customer advertises are the public addresses its traffic is NATed to. A private (RFC
#   1918 or shared) prefix there is a misconfiguration that Microsoft rejects at best, and
#   at worst points to private routing leaking into the public routing domain. The seed:
#   Microsoft peering must use public IP addresses owned by the customer or the CSP.
# custom:
#   id: ER-PEER-007
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A prefix in the Microsoft peering's advertisedPublicPrefixes (IPv4 or IPv6) is private or shared address space.
#   unknown_when: the advertised prefixes are not known before deployment.
#   remediation: Advertise only the customer's public NAT prefixes over Microsoft peering; route private prefixes over private peering.
#   remediation_examples:
#     arm: |
#       "microsoftPeeringConfig": { "advertisedPublicPrefixes": [ "203.0.113.128/27" ], "customerASN": 64999, "routingRegistryName": "RIPENCC" }
#     bicep: |
#       microsoftPeeringConfig: {
#         advertisedPublicPrefixes: [ '203.0.113.128/27' ]
#         customerASN: 64999
#         routingRegistryName: 'RIPENCC'
#       }
#     terraform: |
#       microsoft_peering_config {
#         advertised_public_prefixes = ["203.0.113.128/27"]
#         customer_asn               = 64999
#         routing_registry_name      = "RIPENCC"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#public-ip-addresses-used-for-microsoft-peering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.microsoft_peering_public_prefixes

import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

advertised(p) := array.concat(
	values.list(p, ["properties", "microsoftPeeringConfig", "advertisedPublicPrefixes"]),
	values.list(p, ["properties", "ipv6PeeringConfig", "microsoftPeeringConfig", "advertisedPublicPrefixes"]),
)

deny contains {
	"resource": c.id,
	"message": sprintf("the Microsoft peering of circuit %s advertises private prefixes: %s", [c.name, concat(", ", private)]),
	"evidence": {"prefixes": private},
} if {
	some c in res.of_type(res.circuit_type)
	p := topology.peering(c, "MicrosoftPeering")
	private := sort([x | some x in advertised(p); net.is_private(x)])
	count(private) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the prefixes advertised over the Microsoft peering of circuit %s are not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	p := topology.peering(c, "MicrosoftPeering")
	values.has_unknown([object.get(p, ["properties", "microsoftPeeringConfig"], {}), object.get(p, ["properties", "ipv6PeeringConfig"], {})])
}
