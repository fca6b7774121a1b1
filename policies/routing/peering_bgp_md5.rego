# METADATA
# title: BGP sessions of the peerings are authenticated with an MD5 key
# description: |
#   Without an MD5 key the BGP sessions of a peering accept any speaker that reaches the
#   link's /30 with the right ASN, and a spoofed TCP reset can tear them down. In a CSP's
#   shared provider network that is a way to inject or withdraw a customer's routes. A
#   shared key on the peering (the same on the edge router) authenticates every session.
# custom:
#   id: ER-PEER-003
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A private or Microsoft peering of the circuit has no sharedKey (collection keeps a set key as <redacted>).
#   unknown_when: the key is not known before deployment.
#   remediation: Set an MD5 key on the peering and the same key on both edge routers' BGP neighbours.
#   remediation_examples:
#     arm: |
#       "properties": { "peeringType": "AzurePrivatePeering", "sharedKey": "[parameters('bgpMd5Key')]" }
#     bicep: |
#       properties: {
#         peeringType: 'AzurePrivatePeering'
#         sharedKey: bgpMd5Key
#       }
#     terraform: |
#       resource "azurerm_express_route_circuit_peering" "private" {
#         peering_type = "AzurePrivatePeering"
#         shared_key   = var.bgp_md5_key
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#bgp-md5-authentication
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#routing
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.peering_bgp_md5

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

routed(p) if values.lc(topology.peering_type(p)) in {"azureprivatepeering", "microsoftpeering"}

deny contains {
	"resource": c.id,
	"message": sprintf("BGP sessions of circuit %s are not authenticated on: %s", [c.name, concat(", ", names)]),
	"evidence": {"peerings": names},
} if {
	some c in res.of_type(res.circuit_type)
	names := sort([values.text(p.name) |
		some p in topology.peerings(c)
		routed(p)
		key := object.get(p, ["properties", "sharedKey"], "")
		not values.is_unknown(key)
		not values.secret_set(key)
	])
	count(names) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the BGP keys of circuit %s are not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	not denied[lower(c.id)]
	some p in topology.peerings(c)
	values.is_unknown(object.get(p, ["properties", "sharedKey"], ""))
}

denied contains lower(f.resource) if some f in deny
