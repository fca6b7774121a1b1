# METADATA
# title: ExpressRoute connection uses FastPath where the gateway supports it
# description: |
#   Without FastPath every packet from on-premises to a virtual machine passes through the
#   ExpressRoute gateway, whose throughput and packet rate then cap the circuit and whose
#   maintenance interrupts it. On gateways that support it (UltraPerformance, ErGw3AZ,
#   ErGwScale), FastPath sends the data path straight to the virtual machines and leaves the
#   gateway only the routing.
# custom:
#   id: ER-CONN-001
#   severity: low
#   baseline: routing
#   resource_types: [microsoft.network/connections]
#   fails_when: An ExpressRoute connection from a gateway whose SKU is in gateway.fastpath_skus has expressRouteGatewayBypass not set to true.
#   unknown_when: the setting is not known before deployment.
#   remediation: Enable FastPath (expressRouteGatewayBypass) on the connection; check its limitations (UDRs on the gateway subnet, private endpoints) first.
#   remediation_examples:
#     arm: |
#       "properties": { "connectionType": "ExpressRoute", "expressRouteGatewayBypass": true }
#     bicep: |
#       properties: {
#         connectionType: 'ExpressRoute'
#         expressRouteGatewayBypass: true
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway_connection" "er" {
#         type                         = "ExpressRoute"
#         express_route_gateway_bypass = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/about-fastpath
#   frameworks:
#     aprl: [f6a14b32-a727-4ace-b5fa-7b1c6bdff402]
package erguard.rules.routing.connection_fastpath

import data.erguard.lib.config
import data.erguard.lib.gateways
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

fastpath_skus := {lower(s) | some s in config.get(["gateway", "fastpath_skus"], [])}

supports(c) if lower(gateways.sku(res.by_id[topology.connection_gateway[lower(c.id)]])) in fastpath_skus

deny contains {
	"resource": c.id,
	"message": sprintf("ExpressRoute connection %s sends its data path through the gateway although FastPath is available", [c.name]),
} if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "expressroute"
	supports(c)
	v := object.get(c, ["properties", "expressRouteGatewayBypass"], false)
	not values.is_unknown(v)
	v != true
}

unknown contains {
	"resource": c.id,
	"message": sprintf("whether ExpressRoute connection %s uses FastPath is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "expressroute"
	supports(c)
	values.is_unknown(object.get(c, ["properties", "expressRouteGatewayBypass"], null))
}
