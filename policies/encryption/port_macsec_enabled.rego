# METADATA
# title: ExpressRoute Direct port encrypts its links with MACsec
# description: |
#   An ExpressRoute circuit is private, not encrypted: the seed warns that the network
#   provider's equipment, or an intruder on it, can inspect the packets. On ExpressRoute
#   Direct the customer owns the physical ports to the Microsoft edge and can encrypt every
#   frame on both links with MACsec, keyed from secrets in Key Vault. A port whose links run
#   in the clear leaves every circuit on it unencrypted at layer 2.
# custom:
#   id: ER-PORT-001
#   severity: high
#   baseline: encryption
#   resource_types: [microsoft.network/expressrouteports]
#   fails_when: A link of the port has no MACsec cipher, or no CKN or CAK secret identifier.
#   unknown_when: a link's MACsec configuration is not known before deployment.
#   remediation: Store the CKN and CAK in Key Vault, give the port a user-assigned identity that can read them, and set macSecConfig on both links (the edge routers must use the same keys and cipher).
#   remediation_examples:
#     arm: |
#       "links": [ { "name": "link1", "properties": { "adminState": "Enabled", "macSecConfig": {
#         "cipher": "GcmAes256",
#         "cknSecretIdentifier": "https://kv-er.vault.azure.net/secrets/ckn",
#         "cakSecretIdentifier": "https://kv-er.vault.azure.net/secrets/cak" } } } ]
#     bicep: |
#       links: [
#         {
#           name: 'link1'
#           properties: {
#             adminState: 'Enabled'
#             macSecConfig: {
#               cipher: 'GcmAes256'
#               cknSecretIdentifier: cknSecret.properties.secretUri
#               cakSecretIdentifier: cakSecret.properties.secretUri
#             }
#           }
#         }
#       ]
#     terraform: |
#       link1 {
#         admin_enabled                 = true
#         macsec_cipher                 = "GcmAes256"
#         macsec_ckn_keyvault_secret_id = azurerm_key_vault_secret.ckn.id
#         macsec_cak_keyvault_secret_id = azurerm_key_vault_secret.cak.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-macsec
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.port_macsec_enabled

import data.erguard.lib.resources as res
import data.erguard.lib.values

fields := ["cipher", "cknSecretIdentifier", "cakSecretIdentifier"]

# The MACsec fields a link lacks.
missing(link) := [f |
	some f in fields
	v := object.get(link, ["properties", "macSecConfig", f], "")
	not values.is_unknown(v)
	not values.secret_set(v)
]

deny contains {
	"resource": p.id,
	"message": sprintf("ExpressRoute Direct port %s has links without MACsec: %s", [p.name, concat("; ", gaps)]),
	"evidence": {"links": gaps},
} if {
	some p in res.of_type(res.port_type)
	gaps := sort([sprintf("%s lacks %s", [values.text(object.get(l, "name", "?")), concat(", ", m)]) |
		some l in values.list(p, ["properties", "links"])
		m := missing(l)
		count(m) > 0
	])
	count(gaps) > 0
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the MACsec configuration of port %s is not known before deployment", [p.name]),
} if {
	some p in res.of_type(res.port_type)
	not denied[lower(p.id)]
	values.has_unknown(object.get(p, ["properties", "links"], []))
}

denied contains lower(f.resource) if some f in deny
