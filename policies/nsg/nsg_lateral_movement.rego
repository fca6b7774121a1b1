# METADATA
# title: NSG blocks outbound SSH and RDP within the virtual network
# description: |
#   Once an attacker holds one machine, SSH and RDP towards its neighbours are the usual next
#   step. The default outbound rules allow every port towards the VirtualNetwork tag, which
#   includes peered networks and the on-premises networks behind ExpressRoute. Denying
#   outbound management ports towards the virtual network (and allowing them only from
#   jump hosts) contains a compromise to the machine where it started.
# custom:
#   id: NSG-008
#   severity: low
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: For a port of nsg.lateral_ports (22 and 3389 by default), no outbound Deny rule towards VirtualNetwork or * comes before every outbound Allow rule for that port (the default AllowVnetOutBound counts as an allow). NSGs that protect only exempt subnets are not checked.
#   unknown_when: the NSG's rules contain values not known before deployment.
#   remediation: Add an outbound Deny rule for TCP 22 and 3389 to VirtualNetwork, with a higher priority (lower number) than any outbound allow; allow the ports only from designated management subnets.
#   remediation_examples:
#     arm: |
#       { "name": "deny-lateral-mgmt", "properties": { "access": "Deny", "direction": "Outbound", "priority": 3000,
#         "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*",
#         "destinationAddressPrefix": "VirtualNetwork", "destinationPortRanges": [ "22", "3389" ] } }
#     bicep: |
#       {
#         name: 'deny-lateral-mgmt'
#         properties: {
#           access: 'Deny'
#           direction: 'Outbound'
#           priority: 3000
#           protocol: 'Tcp'
#           sourceAddressPrefix: '*'
#           sourcePortRange: '*'
#           destinationAddressPrefix: 'VirtualNetwork'
#           destinationPortRanges: [ '22', '3389' ]
#         }
#       }
#     terraform: |
#       security_rule {
#         name                       = "deny-lateral-mgmt"
#         access                     = "Deny"
#         direction                  = "Outbound"
#         priority                   = 3000
#         protocol                   = "Tcp"
#         source_address_prefix      = "*"
#         source_port_range          = "*"
#         destination_address_prefix = "VirtualNetwork"
#         destination_port_ranges    = ["22", "3389"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     psrule: [Azure.NSG.LateralTraversal]
#     mcsb: [NS-1]
package erguard.rules.nsg.nsg_lateral_movement

import data.erguard.lib.config
import data.erguard.lib.net
import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s allows outbound %s towards the virtual network", [n.name, concat(", ", [sprintf("%d", [p]) | some p in open])]),
	"evidence": {"ports": open},
} if {
	some n in res.of_type(res.nsg_type)
	not nsg.exempt_only[lower(n.id)]
	rules := [r | some r in values.list(n, ["properties", "securityRules"]); nsg.direction(r) == "outbound"; towards_vnet(r)]
	not values.has_unknown(rules)
	open := sort([p | some p in config.get(["nsg", "lateral_ports"], []); not blocked(rules, p)])
	count(open) > 0
}

towards_vnet(r) if {
	some d in array.concat([object.get(r, ["properties", "destinationAddressPrefix"], "")], object.get(r, ["properties", "destinationAddressPrefixes"], []))
	values.lc(d) in {"*", "virtualnetwork", "any"}
}

# A Deny for the port comes before every Allow for it (the default allow is priority 65000).
blocked(rules, port) if {
	some d in rules
	nsg.access(d) == "deny"
	net.opens_port(d, port)
	net.applies_to_protocol(d, "Tcp")
	every a in rules {
		not allows_before(a, port, nsg.priority(d))
	}
}

allows_before(a, port, priority) if {
	nsg.access(a) == "allow"
	net.opens_port(a, port)
	nsg.priority(a) < priority
}

unknown contains {
	"resource": n.id,
	"message": sprintf("the outbound rules of NSG %s hold values not known before deployment", [n.name]),
} if {
	some n in res.of_type(res.nsg_type)
	nsg.rules_unknown[lower(n.id)]
	not denied[lower(n.id)]
}

denied contains lower(f.resource) if some f in deny
