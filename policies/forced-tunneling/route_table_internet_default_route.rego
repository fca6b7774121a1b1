# METADATA
# title: No route sends a forced-tunneling customer's traffic straight to the Internet
# description: |
#   A user-defined route for 0.0.0.0/0 with next hop Internet overrides the default route
#   learned over ExpressRoute: the subnets it is attached to break out to the Internet
#   directly, bypassing the on-premises inspection that forced tunneling exists for.
# custom:
#   id: CSP-FT-003
#   severity: high
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/routetables]
#   fails_when: A route table of a customer that requires forced tunneling has a route for 0.0.0.0/0 with nextHopType Internet.
#   unknown_when: a route's prefix or next hop is not known before deployment.
#   remediation: Delete the route, so that the default route learned from on-premises applies, or point it at the customer's firewall (VirtualAppliance) if that firewall forwards on-premises.
#   remediation_examples:
#     arm: |
#       { "name": "default", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.3.4" } }
#     bicep: |
#       {
#         name: 'default'
#         properties: {
#           addressPrefix: '0.0.0.0/0'
#           nextHopType: 'VirtualAppliance'
#           nextHopIpAddress: '10.0.3.4'
#         }
#       }
#     terraform: |
#       route {
#         name                   = "default"
#         address_prefix         = "0.0.0.0/0"
#         next_hop_type          = "VirtualAppliance"
#         next_hop_in_ip_address = "10.0.3.4"
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#default-route
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.route_table_internet_default_route

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

required[lower(t.id)] := t if {
	some t in res.of_type(res.route_table_type)
	customers.requirements_of_id(t.id).forced_tunneling == true
}

deny contains {
	"resource": t.id,
	"message": sprintf("route table %s of a forced-tunneling customer sends 0.0.0.0/0 to the Internet", [t.name]),
} if {
	some t in required
	topology.default_route_to(object.get(t, ["properties", "routes"], []), {"internet"})
}

unknown contains {
	"resource": t.id,
	"message": sprintf("the routes of route table %s hold values not known before deployment", [t.name]),
} if {
	some t in required
	not topology.default_route_to(object.get(t, ["properties", "routes"], []), {"internet"})
	values.has_unknown(object.get(t, ["properties", "routes"], []))
}
