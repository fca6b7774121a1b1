# METADATA
# title: Internet-facing hub networks are covered by DDoS Protection
# description: |
#   The virtual networks that host an Azure Firewall or a VPN gateway face the Internet:
#   their public IPs are what keeps forced tunneling, the IPsec overlay or the backup path
#   up. Basic infrastructure protection does not adapt to the application or report
#   attacks; a DDoS Protection plan on those networks does both and protects the public IPs
#   the customer's connectivity depends on.
# custom:
#   id: VNET-005
#   severity: medium
#   baseline: hygiene
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: A virtual network hosting an Azure Firewall or a VPN gateway has enableDdosProtection not true.
#   unknown_when: the setting is not known before deployment.
#   remediation: Associate the virtual network with a DDoS Protection plan (one plan can cover the networks of several subscriptions of a tenant).
#   remediation_examples:
#     arm: |
#       "properties": { "enableDdosProtection": true, "ddosProtectionPlan": { "id": "[parameters('ddosPlanId')]" } }
#     bicep: |
#       properties: {
#         enableDdosProtection: true
#         ddosProtectionPlan: { id: ddosPlanId }
#       }
#     terraform: |
#       ddos_protection_plan {
#         id     = var.ddos_plan_id
#         enable = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/ddos-protection/ddos-protection-overview
#   frameworks:
#     aprl: [69ea1185-19b7-de40-9da1-9e8493547a5c, 1b2dbf4a-8a0b-5e4b-8f4e-3f758188910d]
#     mcsb: [NS-5]
package erguard.rules.hygiene.vnet_ddos_protection

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

facing contains v if some v in topology.firewall_vnets

facing contains v if {
	some gw, v in topology.gateway_vnet
	topology.is_vpn_gateway(res.by_id[gw])
}

deny contains {
	"resource": v.id,
	"message": sprintf("Internet-facing virtual network %s has no DDoS Protection plan", [v.name]),
} if {
	some v in res.of_type(res.vnet_type)
	facing[lower(v.id)]
	setting := object.get(v, ["properties", "enableDdosProtection"], false)
	not values.is_unknown(setting)
	setting != true
}

unknown contains {
	"resource": v.id,
	"message": sprintf("whether virtual network %s has DDoS Protection is not known before deployment", [v.name]),
} if {
	some v in res.of_type(res.vnet_type)
	facing[lower(v.id)]
	values.is_unknown(object.get(v, ["properties", "enableDdosProtection"], null))
}
