# METADATA
# title: NSG denies inbound traffic from the Internet
# description: |
#   The seed's NSG baseline: by default an NSG blocks traffic from the Internet into the
#   virtual network and allows traffic inside it. A custom inbound rule that allows an
#   Internet-equivalent source (*, Any, Internet, 0.0.0.0/0, ::/0) undoes that default for
#   every subnet and interface the NSG protects, networks that are otherwise reached only
#   privately over ExpressRoute. Only ports listed in nsg.public_ports may be open to the
#   Internet; NSGs that protect only exempt subnets (such as AzureBastionSubnet, which needs
#   inbound 443) are not checked.
# custom:
#   id: NSG-001
#   severity: high
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: An inbound Allow rule admits an Internet-equivalent source to ports outside nsg.public_ports, and no higher-priority inbound Deny rule from the Internet hides it.
#   unknown_when: the NSG's rules contain values not known before deployment.
#   remediation: Remove the rule or narrow its source to known address ranges; publish Internet-facing services through Application Gateway, Front Door or Azure Firewall DNAT instead of opening the NSG.
#   remediation_examples:
#     arm: |
#       { "name": "allow-partner", "properties": { "access": "Allow", "direction": "Inbound", "priority": 200,
#         "protocol": "Tcp", "sourceAddressPrefix": "198.51.100.0/24", "sourcePortRange": "*",
#         "destinationAddressPrefix": "*", "destinationPortRange": "443" } }
#     bicep: |
#       {
#         name: 'allow-partner'
#         properties: {
#           access: 'Allow'
#           direction: 'Inbound'
#           priority: 200
#           protocol: 'Tcp'
#           sourceAddressPrefix: '198.51.100.0/24'
#           sourcePortRange: '*'
#           destinationAddressPrefix: '*'
#           destinationPortRange: '443'
#         }
#       }
#     terraform: |
#       security_rule {
#         name                       = "allow-partner"
#         access                     = "Allow"
#         direction                  = "Inbound"
#         priority                   = 200
#         protocol                   = "Tcp"
#         source_address_prefix      = "198.51.100.0/24"
#         source_port_range          = "*"
#         destination_address_prefix = "*"
#         destination_port_range     = "443"
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     psrule: [Azure.NSG.AnyInboundSource]
#     mcsb: [NS-1]
package erguard.rules.nsg.nsg_internet_inbound

import data.erguard.lib.config
import data.erguard.lib.net
import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.values

public_ports := {p | some p in config.get(["nsg", "public_ports"], [])}

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s allows inbound traffic from the Internet in rules: %s", [n.name, concat(", ", names)]),
	"evidence": {"rules": names},
} if {
	some n in res.of_type(res.nsg_type)
	not nsg.exempt_only[lower(n.id)]
	names := sort([values.text(r.name) | some r in nsg.internet_rules(lower(n.id)); not public_only(r)])
	count(names) > 0
}

# True when a rule opens only single ports listed in nsg.public_ports.
public_only(r) if {
	every p in net.destination_ports(r) {
		[low, high] := net.port_range(p)
		low == high
		low in public_ports
	}
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
