# METADATA
# title: Premium firewall policy runs intrusion detection in deny mode
# description: |
#   A Premium firewall policy can inspect traffic against thousands of intrusion signatures.
#   Left Off, the licence is paid for and nothing is inspected; in Alert mode attacks are
#   logged and let through. Where the firewall inspects traffic between a customer's
#   networks and the Internet or on-premises, intrusion prevention should deny.
# custom:
#   id: FW-004
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/firewallpolicies]
#   fails_when: A firewall policy with the Premium tier has intrusionDetection.mode other than Deny (Off when absent).
#   unknown_when: the mode is not known before deployment.
#   remediation: Set the policy's intrusion detection mode to Deny (after a period in Alert to tune signature overrides).
#   remediation_examples:
#     arm: |
#       "properties": { "sku": { "tier": "Premium" }, "intrusionDetection": { "mode": "Deny" } }
#     bicep: |
#       properties: {
#         sku: { tier: 'Premium' }
#         intrusionDetection: { mode: 'Deny' }
#       }
#     terraform: |
#       resource "azurerm_firewall_policy" "hub" {
#         sku = "Premium"
#         intrusion_detection {
#           mode = "Deny"
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/firewall/premium-features#idps
#   frameworks:
#     checkov: [CKV_AZURE_219]
#     mcsb: [NS-4]
package erguard.rules.hygiene.firewall_policy_idps

import data.erguard.lib.resources as res
import data.erguard.lib.values

premium(p) if values.lc(object.get(p, ["properties", "sku", "tier"], "")) == "premium"

deny contains {
	"resource": p.id,
	"message": sprintf("Premium firewall policy %s runs intrusion detection in mode %s, not Deny", [p.name, mode]),
	"evidence": {"mode": mode},
} if {
	some p in res.of_type(res.firewall_policy_type)
	premium(p)
	mode := object.get(p, ["properties", "intrusionDetection", "mode"], "Off")
	is_string(mode)
	lower(mode) != "deny"
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the intrusion detection mode of firewall policy %s is not known before deployment", [p.name]),
} if {
	some p in res.of_type(res.firewall_policy_type)
	premium(p)
	values.unknown_at(p, ["properties", "intrusionDetection", "mode"])
}
