# METADATA
# title: GatewaySubnet is /27 or larger
# description: |
#   The gateway subnet holds every instance of the ExpressRoute gateway and of a coexisting
#   VPN gateway, plus room for upgrades and scaling. A /28 or /29 caps the gateway at its
#   current size: no zone-redundant SKU migration, no ErGwScale, no VPN gateway beside it for
#   the backup path or the IPsec overlay. Microsoft recommends /27 or larger.
# custom:
#   id: ER-GW-007
#   severity: medium
#   baseline: hygiene
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network's GatewaySubnet has a prefix longer than gateway.max_gateway_subnet_prefix_length (/27).
#   unknown_when: the GatewaySubnet's prefix is not known before deployment.
#   remediation: Resize the GatewaySubnet to /27 (or /26 for scalable gateways); a subnet in use can only grow when the address space around it is free.
#   remediation_examples:
#     arm: |
#       { "name": "GatewaySubnet", "properties": { "addressPrefix": "10.0.0.0/27" } }
#     bicep: |
#       {
#         name: 'GatewaySubnet'
#         properties: { addressPrefix: '10.0.0.0/27' }
#       }
#     terraform: |
#       resource "azurerm_subnet" "gateway" {
#         name             = "GatewaySubnet"
#         address_prefixes = ["10.0.0.0/27"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways#gwsub
#   frameworks:
#     waf: ["PE:05"]
package erguard.rules.hygiene.gateway_subnet_size

import data.erguard.lib.config
import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

gateway_subnet(vid) := s if some s in topology.gateway_subnets[vid]

limit := config.get(["gateway", "max_gateway_subnet_prefix_length"], 27)

deny contains {
	"resource": v.id,
	"message": sprintf("the GatewaySubnet of virtual network %s is %s, smaller than /%d", [v.name, concat(", ", small), limit]),
	"evidence": {"prefixes": small},
} if {
	some vid, _ in topology.gateway_subnets
	v := res.by_id[vid]
	small := sort([p | some p in topology.subnet_prefixes(object.get(gateway_subnet(vid), "properties", {})); net.prefix_length(p) > limit])
	count(small) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("the GatewaySubnet prefix of virtual network %s is not known before deployment", [v.name]),
} if {
	some vid, _ in topology.gateway_subnets
	v := res.by_id[vid]
	values.has_unknown(object.get(gateway_subnet(vid), "properties", {}))
}
