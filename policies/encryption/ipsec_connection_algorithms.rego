# METADATA
# title: IPsec connection uses a custom policy of allowed algorithms
# description: |
#   Without a custom IPsec/IKE policy an Azure VPN gateway accepts a default proposal list
#   that still includes SHA1 integrity, DH group 2 and, for some SKUs, 3DES, so the
#   encryption the seed asks for over ExpressRoute is only as strong as whatever the
#   on-premises device proposes. A custom policy pins each phase to the algorithms the
#   estate allows (encryption.ike_encryption, ike_integrity, dh_groups, ipsec_encryption,
#   ipsec_integrity, pfs_groups).
# custom:
#   id: VNG-009
#   severity: high
#   baseline: encryption
#   resource_types: [microsoft.network/connections]
#   fails_when: An IPsec connection has no ipsecPolicies while encryption.require_custom_ipsec_policy is true, or one of its policies uses an algorithm or group outside the allowed lists.
#   unknown_when: the policies are not known before deployment.
#   remediation: Give the connection one custom IPsec/IKE policy using only allowed algorithms, and configure the on-premises device with the same proposal.
#   remediation_examples:
#     arm: |
#       "ipsecPolicies": [ { "saLifeTimeSeconds": 27000, "saDataSizeKilobytes": 102400000,
#         "ipsecEncryption": "GCMAES256", "ipsecIntegrity": "GCMAES256", "ikeEncryption": "GCMAES256",
#         "ikeIntegrity": "SHA384", "dhGroup": "ECP384", "pfsGroup": "ECP384" } ]
#     bicep: |
#       ipsecPolicies: [
#         {
#           saLifeTimeSeconds: 27000
#           saDataSizeKilobytes: 102400000
#           ipsecEncryption: 'GCMAES256'
#           ipsecIntegrity: 'GCMAES256'
#           ikeEncryption: 'GCMAES256'
#           ikeIntegrity: 'SHA384'
#           dhGroup: 'ECP384'
#           pfsGroup: 'ECP384'
#         }
#       ]
#     terraform: |
#       ipsec_policy {
#         sa_lifetime      = 27000
#         sa_datasize      = 102400000
#         ipsec_encryption = "GCMAES256"
#         ipsec_integrity  = "GCMAES256"
#         ike_encryption   = "GCMAES256"
#         ike_integrity    = "SHA384"
#         dh_group         = "ECP384"
#         pfs_group        = "ECP384"
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto
#     - https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-compliance-crypto
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.ipsec_connection_algorithms

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# Each policy field and the setting listing its allowed values.
checks := {
	"ikeEncryption": "ike_encryption",
	"ikeIntegrity": "ike_integrity",
	"dhGroup": "dh_groups",
	"ipsecEncryption": "ipsec_encryption",
	"ipsecIntegrity": "ipsec_integrity",
	"pfsGroup": "pfs_groups",
}

allowed(setting) := {lower(v) | some v in config.get(["encryption", setting], [])}

weak(policy) := sort([sprintf("%s %s", [field, value]) |
	some field, setting in checks
	value := object.get(policy, field, "")
	is_string(value)
	not lower(value) in allowed(setting)
])

problems(c) := ["no custom IPsec/IKE policy"] if {
	config.get(["encryption", "require_custom_ipsec_policy"], false) == true
	policies := object.get(c, ["properties", "ipsecPolicies"], [])
	is_array(policies)
	count(policies) == 0
}

problems(c) := ps if {
	policies := object.get(c, ["properties", "ipsecPolicies"], [])
	is_array(policies)
	count(policies) > 0
	ps := [p | some policy in policies; some p in weak(policy)]
}

deny contains {
	"resource": c.id,
	"message": sprintf("IPsec connection %s: %s", [c.name, concat(", ", ps)]),
	"evidence": {"problems": ps},
} if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "ipsec"
	ps := problems(c)
	count(ps) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the IPsec/IKE policy of connection %s is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "ipsec"
	not denied[lower(c.id)]
	values.has_unknown(object.get(c, ["properties", "ipsecPolicies"], []))
}

denied contains lower(f.resource) if some f in deny
