# METADATA
# title: GatewaySubnet has no network security group
# description: |
#   The gateway subnet hosts the ExpressRoute (and VPN) gateway instances, whose management
#   and control traffic Azure needs to reach. An NSG on GatewaySubnet is not supported: it can
#   stop the gateway from working, take the circuit's connectivity down, and hide the outage
#   behind rules that look harmless. Filter traffic in the workload subnets instead.
# custom:
#   id: NSG-005
#   severity: high
#   baseline: nsg
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network's GatewaySubnet has a networkSecurityGroup.
#   unknown_when: the GatewaySubnet's NSG association is not known before deployment.
#   remediation: Remove the NSG association from GatewaySubnet.
#   remediation_examples:
#     arm: |
#       { "name": "GatewaySubnet", "properties": { "addressPrefix": "10.0.0.0/27" } }
#     bicep: |
#       {
#         name: 'GatewaySubnet'
#         properties: {
#           addressPrefix: '10.0.0.0/27'
#         }
#       }
#     terraform: |
#       # delete the azurerm_subnet_network_security_group_association of the GatewaySubnet
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub
#     - https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways#gwsub
#   frameworks:
#     azure-policy: [35f9c03a-cc27-418e-9c0c-539ff999d010]
#     mcsb: [NS-1]
package erguard.rules.nsg.gateway_subnet_nsg

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

deny contains {
	"resource": v.id,
	"message": sprintf("the GatewaySubnet of virtual network %s has an NSG (%s), which gateways do not support", [v.name, res.name_of(nsg.id)]),
	"evidence": {"networkSecurityGroup": nsg.id},
} if {
	some vid, subnets in topology.gateway_subnets
	v := res.by_id[vid]
	some s in subnets
	nsg := object.get(s, ["properties", "networkSecurityGroup"], null)
	is_string(nsg.id)
}

unknown contains {
	"resource": v.id,
	"message": sprintf("whether the GatewaySubnet of virtual network %s has an NSG is not known before deployment", [v.name]),
} if {
	some vid, subnets in topology.gateway_subnets
	v := res.by_id[vid]
	some s in subnets
	values.unknown_at(s, ["properties", "networkSecurityGroup", "id"])
}
