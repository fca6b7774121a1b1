# METADATA
# title: Subnets of a forced-tunneling customer keep the routes learned over ExpressRoute
# description: |
#   A route table with disableBgpRoutePropagation stops the subnets it is attached to from
#   receiving the routes the gateway learns over ExpressRoute, the advertised default route
#   included. Unless the table itself sends 0.0.0.0/0 to a firewall or the gateway, those
#   subnets fall back to the system route to the Internet and forced tunneling silently ends
#   for them.
# custom:
#   id: CSP-FT-005
#   severity: high
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/routetables]
#   fails_when: A route table of a customer that requires forced tunneling is attached to a subnet, has disableBgpRoutePropagation true, and has no 0.0.0.0/0 route to VirtualAppliance or VirtualNetworkGateway.
#   unknown_when: the propagation setting or the routes are not known before deployment.
#   remediation: Enable gateway route propagation on the table, or add a 0.0.0.0/0 route to the customer's firewall.
#   remediation_examples:
#     arm: |
#       "properties": { "disableBgpRoutePropagation": false }
#     bicep: |
#       properties: {
#         disableBgpRoutePropagation: false
#       }
#     terraform: |
#       resource "azurerm_route_table" "app" {
#         bgp_route_propagation_enabled = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#border-gateway-protocol
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.bgp_propagation_disabled

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

required[lower(t.id)] := t if {
	some t in res.of_type(res.route_table_type)
	customers.requirements_of_id(t.id).forced_tunneling == true
	topology.route_table_subnets[lower(t.id)]
}

deny contains {
	"resource": t.id,
	"message": sprintf("route table %s of a forced-tunneling customer disables route propagation without a default route of its own", [t.name]),
	"evidence": {"subnets": sort([res.name_of(s) | some s in topology.route_table_subnets[lower(t.id)]])},
} if {
	some t in required
	object.get(t, ["properties", "disableBgpRoutePropagation"], false) == true
	routes := object.get(t, ["properties", "routes"], [])
	not values.has_unknown(routes)
	not topology.default_route_to(routes, {"virtualappliance", "virtualnetworkgateway"})
}

unknown contains {
	"resource": t.id,
	"message": sprintf("the route propagation or routes of route table %s are not known before deployment", [t.name]),
} if {
	some t in required
	object.get(t, ["properties", "disableBgpRoutePropagation"], false) != false
	values.has_unknown([object.get(t, ["properties", "disableBgpRoutePropagation"], false), object.get(t, ["properties", "routes"], [])])
}
