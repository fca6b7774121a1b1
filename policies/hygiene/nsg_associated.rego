# METADATA
# title: NSG is associated with a subnet or network interface
# description: |
#   An NSG that protects nothing is dead configuration: it suggests a control that is not in
#   place, drifts from the rules actually applied, and invites someone to attach it later
#   without review.
# custom:
#   id: NSG-006
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: Neither a subnet nor a network interface of the snapshot names the NSG, and the NSG's own subnets and networkInterfaces lists are empty.
#   remediation: Associate the NSG with the subnets it was meant for, or delete it.
#   remediation_examples:
#     arm: |
#       "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-app')]" }
#     bicep: |
#       networkSecurityGroup: {
#         id: nsgApp.id
#       }
#     terraform: |
#       resource "azurerm_subnet_network_security_group_association" "app" {
#         subnet_id                 = azurerm_subnet.app.id
#         network_security_group_id = azurerm_network_security_group.app.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/manage-network-security-group
#   frameworks:
#     psrule: [Azure.NSG.Associated]
package erguard.rules.hygiene.nsg_associated

import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s is associated with no subnet and no network interface", [n.name]),
} if {
	some n in res.of_type(res.nsg_type)
	not topology.nsg_subnets[lower(n.id)]
	not topology.nsg_nics[lower(n.id)]
}
