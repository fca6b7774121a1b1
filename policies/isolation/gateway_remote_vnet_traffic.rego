# METADATA
# title: ExpressRoute gateway does not carry traffic between virtual networks
# description: |
#   An ExpressRoute virtual network gateway can be told to accept traffic from other virtual
#   networks linked to the same circuits (allowRemoteVnetTraffic) or from Virtual WAN hubs
#   (allowVirtualWanTraffic). Both turn the circuit into a path between Azure networks:
#   networks that were meant to be isolated from each other reach one another through the
#   Microsoft edge, outside any firewall. Use virtual network peering, a firewall or Virtual
#   WAN for network-to-network traffic instead.
# custom:
#   id: ER-GW-006
#   severity: medium
#   baseline: isolation
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: An ExpressRoute gateway has allowRemoteVnetTraffic or allowVirtualWanTraffic set to true.
#   unknown_when: either setting is not known before deployment.
#   remediation: Turn off "Allow traffic from remote virtual networks" and "Allow traffic from remote Virtual WAN networks" on the gateway, and connect the networks with peering or through a firewall.
#   remediation_examples:
#     arm: |
#       "properties": { "gatewayType": "ExpressRoute", "allowRemoteVnetTraffic": false, "allowVirtualWanTraffic": false }
#     bicep: |
#       properties: {
#         gatewayType: 'ExpressRoute'
#         allowRemoteVnetTraffic: false
#         allowVirtualWanTraffic: false
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "ergw" {
#         type                        = "ExpressRoute"
#         remote_vnet_traffic_enabled = false
#         virtual_wan_traffic_enabled = false
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways#vnet-to-vnet-connectivity
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     aprl: [194c14ac-0d7a-5a48-ae32-75fa450ee564]
#     mcsb: [NS-1]
package erguard.rules.isolation.gateway_remote_vnet_traffic

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

settings := ["allowRemoteVnetTraffic", "allowVirtualWanTraffic"]

deny contains {
	"resource": gw.id,
	"message": sprintf("ExpressRoute gateway %s accepts traffic from other networks: %s", [gw.name, concat(", ", on)]),
	"evidence": {"enabled": on},
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	on := [s | some s in settings; object.get(gw, ["properties", s], false) == true]
	count(on) > 0
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("whether ExpressRoute gateway %s accepts traffic from other networks is not known before deployment", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	every s in settings {
		object.get(gw, ["properties", s], false) != true
	}
	some s in settings
	values.is_unknown(object.get(gw, ["properties", s], null))
}
