# METADATA
# title: Azure Firewall of a forced-tunneling customer runs in forced tunneling mode
# description: |
#   Azure Firewall sends Internet-bound traffic out through its own public IP unless it is
#   deployed in forced tunneling mode (with a management IP configuration in
#   AzureFirewallManagementSubnet), which lets it follow a default route on-premises. A
#   forced-tunneling customer whose firewall is not in that mode has its Internet traffic
#   leave Azure at the firewall, never reaching the on-premises inspection the customer
#   requires. Firewalls in Virtual WAN hubs are managed by the hub and not checked here.
# custom:
#   id: FW-003
#   severity: high
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/azurefirewalls]
#   fails_when: An Azure Firewall (in a virtual network) of a customer that requires forced tunneling has no managementIpConfiguration.
#   unknown_when: the management IP configuration is not known before deployment.
#   remediation: Redeploy the firewall with forced tunneling enabled (a management IP configuration in AzureFirewallManagementSubnet), and route 0.0.0.0/0 from AzureFirewallSubnet on-premises.
#   remediation_examples:
#     arm: |
#       "managementIpConfiguration": { "name": "mgmt", "properties": {
#         "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'AzureFirewallManagementSubnet')]" },
#         "publicIPAddress": { "id": "[resourceId('Microsoft.Network/publicIPAddresses', 'fw-mgmt-pip')]" } } }
#     bicep: |
#       managementIpConfiguration: {
#         name: 'mgmt'
#         properties: {
#           subnet: { id: firewallManagementSubnet.id }
#           publicIPAddress: { id: firewallManagementIp.id }
#         }
#       }
#     terraform: |
#       management_ip_configuration {
#         name                 = "mgmt"
#         subnet_id            = azurerm_subnet.firewall_management.id
#         public_ip_address_id = azurerm_public_ip.firewall_management.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/firewall/forced-tunneling
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.firewall_forced_tunnel_mode

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.values

required[lower(fw.id)] := fw if {
	some fw in res.of_type(res.firewall_type)
	object.get(fw, ["properties", "virtualHub"], null) == null
	customers.requirements_of_id(fw.id).forced_tunneling == true
}

deny contains {
	"resource": fw.id,
	"message": sprintf("Azure Firewall %s of a forced-tunneling customer is not in forced tunneling mode", [fw.name]),
} if {
	some fw in required
	object.get(fw, ["properties", "managementIpConfiguration"], null) == null
}

unknown contains {
	"resource": fw.id,
	"message": sprintf("whether Azure Firewall %s runs in forced tunneling mode is not known before deployment", [fw.name]),
} if {
	some fw in required
	values.is_unknown(object.get(fw, ["properties", "managementIpConfiguration"], null))
}
