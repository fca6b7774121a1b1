# METADATA
# title: NSG carries its own rules, not only the defaults
# description: |
#   The default rules of an NSG allow all inbound traffic from the VirtualNetwork tag, which
#   takes in peered networks and every on-premises prefix learned over ExpressRoute. An NSG
#   with no rules of its own therefore filters nothing that arrives over the circuit: it
#   looks like a control and is not one.
# custom:
#   id: NSG-007
#   severity: low
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: The NSG has no security rules besides Azure's default rules.
#   unknown_when: the NSG's rule list is not known before deployment.
#   remediation: Add rules that allow only the traffic the protected workloads need, ending with a deny of everything else from the VirtualNetwork tag.
#   remediation_examples:
#     arm: |
#       "securityRules": [ { "name": "deny-vnet-inbound", "properties": { "access": "Deny", "direction": "Inbound",
#         "priority": 4000, "protocol": "*", "sourceAddressPrefix": "VirtualNetwork", "sourcePortRange": "*",
#         "destinationAddressPrefix": "*", "destinationPortRange": "*" } } ]
#     bicep: |
#       securityRules: [
#         {
#           name: 'deny-vnet-inbound'
#           properties: {
#             access: 'Deny'
#             direction: 'Inbound'
#             priority: 4000
#             protocol: '*'
#             sourceAddressPrefix: 'VirtualNetwork'
#             sourcePortRange: '*'
#             destinationAddressPrefix: '*'
#             destinationPortRange: '*'
#           }
#         }
#       ]
#     terraform: |
#       security_rule {
#         name                       = "deny-vnet-inbound"
#         access                     = "Deny"
#         direction                  = "Inbound"
#         priority                   = 4000
#         protocol                   = "*"
#         source_address_prefix      = "VirtualNetwork"
#         source_port_range          = "*"
#         destination_address_prefix = "*"
#         destination_port_range     = "*"
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     aprl: [8291c1fa-650c-b44b-b008-4deb7465919d]
#     mcsb: [NS-1]
package erguard.rules.nsg.nsg_custom_rules

import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s has only the default rules, which allow everything from the VirtualNetwork tag", [n.name]),
} if {
	some n in res.of_type(res.nsg_type)
	rules := object.get(n, ["properties", "securityRules"], [])
	is_array(rules)
	count(rules) == 0
}

unknown contains {
	"resource": n.id,
	"message": sprintf("the rule list of NSG %s is not known before deployment", [n.name]),
} if {
	some n in res.of_type(res.nsg_type)
	values.is_unknown(object.get(n, ["properties", "securityRules"], []))
}
