# METADATA
# title: ExpressRoute Direct port uses an allowed MACsec cipher
# description: |
#   ExpressRoute Direct offers 128-bit and 256-bit GCM-AES MACsec ciphers, with and without
#   extended packet numbering (XPN). The estate's cryptography standard decides which are
#   acceptable (encryption.macsec_ciphers, 256-bit by default); XPN variants suit high-speed
#   links where a 32-bit packet number would force frequent rekeying.
# custom:
#   id: ER-PORT-002
#   severity: medium
#   baseline: encryption
#   resource_types: [microsoft.network/expressrouteports]
#   fails_when: A link's MACsec cipher is set and is not in encryption.macsec_ciphers.
#   unknown_when: a link's cipher is not known before deployment.
#   remediation: Change the links' cipher to an allowed one (GcmAes256 or GcmAesXpn256), together with the edge routers' MACsec policy.
#   remediation_examples:
#     arm: |
#       "macSecConfig": { "cipher": "GcmAesXpn256" }
#     bicep: |
#       macSecConfig: {
#         cipher: 'GcmAesXpn256'
#       }
#     terraform: |
#       macsec_cipher = "GcmAesXpn256"
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-macsec
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.port_macsec_cipher

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.values

allowed := {lower(c) | some c in config.get(["encryption", "macsec_ciphers"], [])}

deny contains {
	"resource": p.id,
	"message": sprintf("ExpressRoute Direct port %s uses MACsec ciphers outside the allowed list: %s", [p.name, concat(", ", bad)]),
	"evidence": {"links": bad},
} if {
	some p in res.of_type(res.port_type)
	bad := sort([sprintf("%s: %s", [object.get(l, "name", "?"), cipher]) |
		some l in values.list(p, ["properties", "links"])
		cipher := object.get(l, ["properties", "macSecConfig", "cipher"], "")
		is_string(cipher)
		cipher != ""
		not lower(cipher) in allowed
	])
	count(bad) > 0
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the MACsec cipher of port %s is not known before deployment", [p.name]),
} if {
	some p in res.of_type(res.port_type)
	not denied[lower(p.id)]
	some l in values.list(p, ["properties", "links"])
	values.unknown_at(l, ["properties", "macSecConfig", "cipher"])
}

denied contains lower(f.resource) if some f in deny
