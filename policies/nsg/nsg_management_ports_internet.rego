# METADATA
# title: NSG does not open management ports to the Internet
# description: |
#   SSH, RDP and WinRM exposed to the Internet are the most scanned and brute-forced entry
#   points into Azure. In an ExpressRoute estate administrators reach their machines
#   privately (over the circuit, or through Azure Bastion), so a management port open to the
#   Internet is never needed and always a risk.
# custom:
#   id: NSG-002
#   severity: critical
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: An inbound Allow rule admits an Internet-equivalent source to a port of nsg.management_ports (22, 3389, 5985, 5986 by default) over TCP, and no higher-priority Deny from the Internet closes that port.
#   unknown_when: the NSG's rules contain values not known before deployment.
#   remediation: Remove the rule; reach management ports over the private ExpressRoute path, through Azure Bastion, or with just-in-time VM access.
#   remediation_examples:
#     arm: |
#       { "name": "ssh-from-onprem", "properties": { "access": "Allow", "direction": "Inbound", "priority": 300,
#         "protocol": "Tcp", "sourceAddressPrefix": "172.16.0.0/12", "sourcePortRange": "*",
#         "destinationAddressPrefix": "*", "destinationPortRange": "22" } }
#     bicep: |
#       {
#         name: 'ssh-from-onprem'
#         properties: {
#           access: 'Allow'
#           direction: 'Inbound'
#           priority: 300
#           protocol: 'Tcp'
#           sourceAddressPrefix: '172.16.0.0/12'
#           sourcePortRange: '*'
#           destinationAddressPrefix: '*'
#           destinationPortRange: '22'
#         }
#       }
#     terraform: |
#       security_rule {
#         name                       = "ssh-from-onprem"
#         access                     = "Allow"
#         direction                  = "Inbound"
#         priority                   = 300
#         protocol                   = "Tcp"
#         source_address_prefix      = "172.16.0.0/12"
#         source_port_range          = "*"
#         destination_address_prefix = "*"
#         destination_port_range     = "22"
#       }
#   references:
#     - https://learn.microsoft.com/azure/bastion/bastion-overview
#     - https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     azure-policy: [22730e10-96f6-4aac-ad84-9383d35b5917]
#     cis-azure: ["6.1", "6.2"]
#     checkov: [CKV_AZURE_9, CKV_AZURE_10]
#     mcsb: [NS-1, PV-1]
package erguard.rules.nsg.nsg_management_ports_internet

import data.erguard.lib.config
import data.erguard.lib.nsg
import data.erguard.lib.resources as res

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s opens management ports to the Internet: %s", [n.name, concat(", ", exposed)]),
	"evidence": {"exposed": exposed},
} if {
	some n in res.of_type(res.nsg_type)
	rules := object.get(n, ["properties", "securityRules"], [])
	exposed := sort([sprintf("%d (rule %s)", [port, r.name]) |
		some port in config.get(["nsg", "management_ports"], [])
		some r in nsg.exposing(lower(n.id), rules, port, "Tcp")
	])
	count(exposed) > 0
}

unknown contains {
	"resource": n.id,
	"message": sprintf("the security rules of NSG %s hold values not known before deployment", [n.name]),
} if {
	some n in res.of_type(res.nsg_type)
	not denied[lower(n.id)]
	nsg.rules_unknown[lower(n.id)]
}

denied contains lower(f.resource) if some f in deny
