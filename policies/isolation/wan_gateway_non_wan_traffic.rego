# METADATA
# title: Virtual WAN ExpressRoute gateway accepts only Virtual WAN traffic
# description: |
#   allowNonVirtualWanTraffic lets a Virtual WAN hub's ExpressRoute gateway exchange traffic
#   with virtual networks that reach the same circuits through their own, non-WAN gateways.
#   It joins two routing domains that were built separately, so networks of the hub and
#   networks outside it reach each other through the circuit without passing the hub's
#   firewall or routing intent.
# custom:
#   id: ER-GW-009
#   severity: medium
#   baseline: isolation
#   resource_types: [microsoft.network/expressroutegateways]
#   fails_when: A Virtual WAN ExpressRoute gateway has allowNonVirtualWanTraffic set to true.
#   unknown_when: the setting is not known before deployment.
#   remediation: Turn off "Allow traffic from non Virtual WAN networks" on the hub's ExpressRoute gateway, and connect the outside networks to the hub instead.
#   remediation_examples:
#     arm: |
#       "properties": { "allowNonVirtualWanTraffic": false }
#     bicep: |
#       properties: {
#         allowNonVirtualWanTraffic: false
#       }
#     terraform: |
#       resource "azurerm_express_route_gateway" "hub" {
#         allow_non_virtual_wan_traffic = false
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-wan/virtual-wan-expressroute-portal
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.wan_gateway_non_wan_traffic

import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": g.id,
	"message": sprintf("Virtual WAN ExpressRoute gateway %s accepts traffic from networks outside Virtual WAN", [g.name]),
	"evidence": {"allowNonVirtualWanTraffic": true},
} if {
	some g in res.of_type(res.er_gateway_type)
	object.get(g, ["properties", "allowNonVirtualWanTraffic"], false) == true
}

unknown contains {
	"resource": g.id,
	"message": sprintf("whether Virtual WAN ExpressRoute gateway %s accepts non-WAN traffic is not known before deployment", [g.name]),
} if {
	some g in res.of_type(res.er_gateway_type)
	values.is_unknown(object.get(g, ["properties", "allowNonVirtualWanTraffic"], null))
}
