# METADATA
# title: Every subnet has a network security group
# description: |
#   Without an NSG a subnet has no filter at all: every network that can route to it (peered
#   networks, on-premises networks over ExpressRoute, in connect-through the CSP network and
#   whatever it carries) reaches every port of every machine in it. The NSG is the seed's
#   second security baseline. Subnets Azure manages itself (GatewaySubnet,
#   AzureFirewallSubnet, AzureFirewallManagementSubnet, RouteServerSubnet, AzureBastionSubnet
#   by default, see nsg.exempt_subnets) are not checked.
# custom:
#   id: NSG-004
#   severity: high
#   baseline: nsg
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: A subnet of the virtual network, other than the exempt ones, has no networkSecurityGroup.
#   unknown_when: a subnet's NSG association is not known before deployment.
#   remediation: Associate an NSG with every subnet (an association resource in Terraform, the subnet's networkSecurityGroup property in ARM and Bicep).
#   remediation_examples:
#     arm: |
#       { "name": "app", "properties": { "addressPrefix": "10.0.1.0/24",
#         "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-app')]" } } }
#     bicep: |
#       {
#         name: 'app'
#         properties: {
#           addressPrefix: '10.0.1.0/24'
#           networkSecurityGroup: { id: nsgApp.id }
#         }
#       }
#     terraform: |
#       resource "azurerm_subnet_network_security_group_association" "app" {
#         subnet_id                 = azurerm_subnet.app.id
#         network_security_group_id = azurerm_network_security_group.app.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     psrule: [Azure.VNET.UseNSGs]
#     aprl: [f0bf9ae6-25a5-974d-87d5-025abec73539]
#     azure-policy: [e71308d3-144b-4262-b144-efdc3cc90517]
#     checkov: [CKV2_AZURE_31]
#     mcsb: [NS-1]
package erguard.rules.nsg.subnet_nsg_required

import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s has subnets without an NSG: %s", [v.name, concat(", ", names)]),
	"evidence": {"subnets": names},
} if {
	some v in res.of_type(res.vnet_type)
	names := sort([values.text(s.name) |
		some s in values.list(v, ["properties", "subnets"])
		object.get(s, ["properties", "networkSecurityGroup"], null) == null
		checked(s)
	])
	count(names) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("whether subnets of virtual network %s have an NSG is not known before deployment: %s", [v.name, concat(", ", names)]),
} if {
	some v in res.of_type(res.vnet_type)
	not denied[lower(v.id)]
	names := sort([values.text(object.get(s, "name", "?")) |
		some s in values.list(v, ["properties", "subnets"])
		values.unknown_at(s, ["properties", "networkSecurityGroup", "id"])
		checked(s)
	])
	count(names) > 0
}

checked(s) if not values.lc(object.get(s, "name", "")) in nsg.exempt_subnets

denied contains lower(f.resource) if some f in deny
