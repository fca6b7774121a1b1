# METADATA
# title: GatewaySubnet keeps the routes the gateway needs
# description: |
#   The ExpressRoute gateway's instances live in GatewaySubnet. A route table there that
#   sends 0.0.0.0/0 elsewhere, or that disables gateway route propagation, breaks the
#   gateway's control plane and its routes to on-premises; Microsoft does not support
#   either. Route tables on GatewaySubnet are for steering specific prefixes to a firewall,
#   nothing more.
# custom:
#   id: UDR-001
#   severity: high
#   baseline: routing
#   resource_types: [microsoft.network/routetables]
#   fails_when: A route table associated with a GatewaySubnet has a 0.0.0.0/0 route or disableBgpRoutePropagation true.
#   unknown_when: the table's routes or propagation setting are not known before deployment.
#   remediation: Remove the default route from the GatewaySubnet's route table and keep gateway route propagation enabled.
#   remediation_examples:
#     arm: |
#       "properties": { "disableBgpRoutePropagation": false, "routes": [
#         { "name": "spokes-via-firewall", "properties": { "addressPrefix": "10.1.0.0/16", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.3.4" } } ] }
#     bicep: |
#       properties: {
#         disableBgpRoutePropagation: false
#         routes: [
#           {
#             name: 'spokes-via-firewall'
#             properties: { addressPrefix: '10.1.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4' }
#           }
#         ]
#       }
#     terraform: |
#       resource "azurerm_route_table" "gateway" {
#         bgp_route_propagation_enabled = true
#         route {
#           name                   = "spokes-via-firewall"
#           address_prefix         = "10.1.0.0/16"
#           next_hop_type          = "VirtualAppliance"
#           next_hop_in_ip_address = "10.0.3.4"
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#user-defined-routing-udr
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.routing.gateway_subnet_routes

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# (Subnet ids are lower case: one whose name is GatewaySubnet ends with it.)
on_gateway_subnet(t) if {
	some sid in topology.route_table_subnets[lower(t.id)]
	endswith(sid, "gatewaysubnet")
	res.name_of(sid) == "gatewaysubnet"
}

problems(t) := {"a default route (0.0.0.0/0)" |
	some r in values.list(t, ["properties", "routes"])
	object.get(r, ["properties", "addressPrefix"], "") == "0.0.0.0/0"
} | {"gateway route propagation disabled" | object.get(t, ["properties", "disableBgpRoutePropagation"], false) == true}

deny contains {
	"resource": t.id,
	"message": sprintf("route table %s on a GatewaySubnet has %s", [t.name, concat(" and ", sort(ps))]),
	"evidence": {"problems": sort(ps)},
} if {
	some t in res.of_type(res.route_table_type)
	on_gateway_subnet(t)
	ps := problems(t)
	count(ps) > 0
}

unknown contains {
	"resource": t.id,
	"message": sprintf("the routes of route table %s on a GatewaySubnet are not known before deployment", [t.name]),
} if {
	some t in res.of_type(res.route_table_type)
	on_gateway_subnet(t)
	count(problems(t)) == 0
	values.has_unknown(object.get(t, "properties", {}))
}
