# METADATA
# title: Azure Firewall denies traffic to known malicious addresses
# description: |
#   Threat intelligence-based filtering compares traffic with Microsoft's feed of known
#   malicious IP addresses and domains. In Alert mode the firewall logs a connection to a
#   command-and-control server and lets it through; in Deny mode it stops it. For firewalls
#   that carry a customer's Internet-bound traffic the feed is only a control when it denies.
# custom:
#   id: FW-001
#   severity: medium
#   baseline: hygiene
#   resource_types: [microsoft.network/azurefirewalls, microsoft.network/firewallpolicies]
#   fails_when: The firewall's threat intelligence mode (from its firewall policy when it has one, else its own threatIntelMode) is not Deny.
#   unknown_when: the firewall's policy is not in the snapshot, or the mode is not known before deployment.
#   remediation: Set threatIntelMode to Deny on the firewall policy (or the classic firewall).
#   remediation_examples:
#     arm: |
#       "properties": { "threatIntelMode": "Deny" }
#     bicep: |
#       properties: {
#         threatIntelMode: 'Deny'
#       }
#     terraform: |
#       resource "azurerm_firewall_policy" "hub" {
#         threat_intelligence_mode = "Deny"
#       }
#   references:
#     - https://learn.microsoft.com/azure/firewall/threat-intel
#   frameworks:
#     psrule: [Azure.Firewall.Mode]
#     checkov: [CKV_AZURE_216]
#     mcsb: [NS-3]
package erguard.rules.hygiene.firewall_threat_intel

import data.erguard.lib.resources as res
import data.erguard.lib.values

# The mode that applies to a firewall: its policy's, else its own (Alert when unset).
mode(fw) := object.get(res.by_id[res.ref_id(fw.properties.firewallPolicy)], ["properties", "threatIntelMode"], "Alert") if {
	res.ref_id(fw.properties.firewallPolicy)
}

mode(fw) := object.get(fw, ["properties", "threatIntelMode"], "Alert") if not res.ref_id(object.get(fw, ["properties", "firewallPolicy"], null))

deny contains {
	"resource": fw.id,
	"message": sprintf("Azure Firewall %s only alerts on (or ignores) known malicious traffic: threat intelligence mode %s", [fw.name, mode(fw)]),
	"evidence": {"threatIntelMode": mode(fw)},
} if {
	some fw in res.of_type(res.firewall_type)
	is_string(mode(fw))
	lower(mode(fw)) != "deny"
}

unknown contains {
	"resource": fw.id,
	"message": sprintf("the threat intelligence mode of Azure Firewall %s cannot be read from this source", [fw.name]),
} if {
	some fw in res.of_type(res.firewall_type)
	not is_string(mode(fw))
}
