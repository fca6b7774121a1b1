# METADATA
# title: Peering is configured on both links of the circuit
# description: |
#   Every ExpressRoute peering consists of two BGP sessions, one per link, each with its own
#   /30 (or /126) subnet: primaryPeerAddressPrefix and secondaryPeerAddressPrefix. A peering
#   configured on one link only has no redundancy at all, however redundant the circuit
#   underneath. The seed: each circuit must terminate on different routers.
# custom:
#   id: ER-PEER-006
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A private or Microsoft peering of the circuit lacks its primary or its secondary peer address prefix.
#   unknown_when: a prefix is not known before deployment.
#   remediation: Configure both the primary and the secondary /30 on the peering, and the matching BGP sessions on both edge routers.
#   remediation_examples:
#     arm: |
#       "properties": { "peeringType": "AzurePrivatePeering", "peerASN": 65010, "vlanId": 100,
#         "primaryPeerAddressPrefix": "192.168.100.0/30", "secondaryPeerAddressPrefix": "192.168.100.4/30" }
#     bicep: |
#       properties: {
#         peeringType: 'AzurePrivatePeering'
#         peerASN: 65010
#         vlanId: 100
#         primaryPeerAddressPrefix: '192.168.100.0/30'
#         secondaryPeerAddressPrefix: '192.168.100.4/30'
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit_peering" "private" {
#         peering_type                  = "AzurePrivatePeering"
#         peer_asn                      = 65010
#         vlan_id                       = 100
#         primary_peer_address_prefix   = "192.168.100.0/30"
#         secondary_peer_address_prefix = "192.168.100.4/30"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#ip-addresses-used-for-peerings
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     waf: ["RE:05"]
package erguard.rules.redundancy.peering_both_links

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

sides := ["primaryPeerAddressPrefix", "secondaryPeerAddressPrefix"]

routed(p) if values.lc(topology.peering_type(p)) in {"azureprivatepeering", "microsoftpeering"}

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s has peerings configured on one link only: %s", [c.name, concat(", ", gaps)]),
	"evidence": {"missing": gaps},
} if {
	some c in res.of_type(res.circuit_type)
	gaps := sort([sprintf("%s lacks %s", [values.text(p.name), side]) |
		some p in topology.peerings(c)
		routed(p)
		some side in sides
		v := object.get(p, ["properties", side], "")
		not values.is_unknown(v)
		not values.secret_set(v)
	])
	count(gaps) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the peer address prefixes of circuit %s are not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	not denied[lower(c.id)]
	some p in topology.peerings(c)
	routed(p)
	some side in sides
	values.is_unknown(object.get(p, ["properties", side], ""))
}

denied contains lower(f.resource) if some f in deny
