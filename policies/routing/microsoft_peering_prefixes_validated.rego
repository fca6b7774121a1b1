# METADATA
# title: Microsoft peering's advertised prefixes are validated
# description: |
#   Microsoft accepts the public prefixes advertised over Microsoft peering only after
#   validating that the customer (or the CSP on its behalf) owns them in a routing registry;
#   until then (advertisedPublicPrefixesState ValidationNeeded, or NotConfigured) the
#   peering carries nothing and the services the customer expects to reach privately fall
#   back to the Internet. The seed: public peering must use public IP addresses owned by the
#   customer or the CSP.
# custom:
#   id: ER-PEER-004
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The Microsoft peering's advertisedPublicPrefixesState is not Configured.
#   unknown_when: the state is absent (it is read-only, so a template or plan never holds it).
#   remediation: Register the prefixes in the routing registry (routingRegistryName) under the customer's ASN, or open a support request with proof of ownership.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-routing-portal-resource-manager#msft
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.microsoft_peering_prefixes_validated

import data.erguard.lib.resources as res
import data.erguard.lib.topology

state(p) := object.get(p, ["properties", "microsoftPeeringConfig", "advertisedPublicPrefixesState"], null)

deny contains {
	"resource": c.id,
	"message": sprintf("the public prefixes advertised over Microsoft peering of circuit %s are %s, not Configured", [c.name, state(p)]),
	"evidence": {"advertisedPublicPrefixesState": state(p)},
} if {
	some c in res.of_type(res.circuit_type)
	p := topology.peering(c, "MicrosoftPeering")
	is_string(state(p))
	state(p) != "Configured"
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the validation state of the Microsoft peering prefixes of circuit %s is read-only and not in this source", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	p := topology.peering(c, "MicrosoftPeering")
	not is_string(state(p))
}
