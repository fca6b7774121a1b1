# METADATA
# title: NSG does not allow UDP from the Internet
# description: |
#   UDP services exposed to the Internet (DNS, NTP, SNMP, SSDP, memcached) are abused for
#   reflection and amplification attacks and are rarely meant to be public. Networks that
#   talk to on-premises over ExpressRoute have no reason to take UDP from the Internet.
# custom:
#   id: NSG-003
#   severity: high
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: An inbound Allow rule with protocol UDP or * admits an Internet-equivalent source, and no higher-priority inbound Deny from the Internet hides it. NSGs that protect only exempt subnets are not checked.
#   unknown_when: the NSG's rules contain values not known before deployment.
#   remediation: Remove the rule or restrict its source to known address ranges and its protocol to TCP.
#   remediation_examples:
#     arm: |
#       "properties": { "protocol": "Tcp", "sourceAddressPrefix": "198.51.100.0/24" }
#     bicep: |
#       properties: {
#         protocol: 'Tcp'
#         sourceAddressPrefix: '198.51.100.0/24'
#       }
#     terraform: |
#       protocol              = "Tcp"
#       source_address_prefix = "198.51.100.0/24"
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     cis-azure: ["6.3"]
#     checkov: [CKV_AZURE_77]
#     mcsb: [NS-1]
package erguard.rules.nsg.nsg_udp_internet

import data.erguard.lib.net
import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s allows UDP from the Internet in rules: %s", [n.name, concat(", ", names)]),
	"evidence": {"rules": names},
} if {
	some n in res.of_type(res.nsg_type)
	not nsg.exempt_only[lower(n.id)]
	names := sort([values.text(r.name) | some r in nsg.internet_rules(lower(n.id)); net.applies_to_protocol(r, "Udp")])
	count(names) > 0
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
