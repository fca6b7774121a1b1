# METADATA
# title: Azure Firewall spans availability zones
# description: |
#   When forced tunneling, encryption appliances or hub routing send a customer's traffic
#   through Azure Firewall, the firewall becomes part of the path to on-premises. Deployed
#   in one zone (or without zones) it fails with that zone; spread across zones it carries a
#   higher SLA and survives a zone outage.
# custom:
#   id: FW-002
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/azurefirewalls]
#   fails_when: The firewall lists fewer than two availability zones.
#   unknown_when: its zones are not known before deployment.
#   remediation: Redeploy the firewall across zones 1, 2 and 3 (zones can only be set at creation), with zone-redundant public IPs.
#   remediation_examples:
#     arm: |
#       "zones": [ "1", "2", "3" ]
#     bicep: |
#       zones: [ '1', '2', '3' ]
#     terraform: |
#       resource "azurerm_firewall" "hub" {
#         zones = ["1", "2", "3"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/firewall/deploy-availability-zone-powershell
#   frameworks:
#     psrule: [Azure.Firewall.AvailabilityZone]
#     aprl: [c72b7fee-1fa0-5b4b-98e5-54bcae95bb74]
package erguard.rules.redundancy.firewall_zone_redundant

import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": fw.id,
	"message": sprintf("Azure Firewall %s is deployed in %d availability zone(s)", [fw.name, count(zones)]),
	"evidence": {"zones": zones},
} if {
	some fw in res.of_type(res.firewall_type)
	zones := object.get(fw, "zones", [])
	is_array(zones)
	not values.has_unknown(zones)
	count(zones) < 2
}

unknown contains {
	"resource": fw.id,
	"message": sprintf("the zones of Azure Firewall %s are not known before deployment", [fw.name]),
} if {
	some fw in res.of_type(res.firewall_type)
	values.has_unknown(object.get(fw, "zones", []))
}
