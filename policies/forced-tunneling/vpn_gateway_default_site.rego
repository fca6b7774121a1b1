# METADATA
# title: VPN gateway of a forced-tunneling customer has a default site
# description: |
#   Where a customer's forced tunneling runs over a site-to-site VPN without BGP (no
#   ExpressRoute gateway in the network), Azure sends Internet-bound traffic on-premises
#   only when the gateway names the on-premises site as its default site. Without it the
#   0.0.0.0/0 user-defined route to the gateway has nowhere to go and traffic breaks out
#   locally or is dropped.
# custom:
#   id: CSP-FT-006
#   severity: medium
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: A VPN gateway of a customer that requires forced tunneling, without BGP and in a virtual network with no ExpressRoute gateway, has no gatewayDefaultSite.
#   unknown_when: the gateway's BGP or default site setting is not known before deployment.
#   remediation: Set the gateway's default site to the on-premises local network gateway (or enable BGP and advertise 0.0.0.0/0 from on-premises).
#   remediation_examples:
#     arm: |
#       "gatewayDefaultSite": { "id": "[resourceId('Microsoft.Network/localNetworkGateways', 'onprem')]" }
#     bicep: |
#       gatewayDefaultSite: {
#         id: onprem.id
#       }
#     terraform: |
#       default_local_network_gateway_id = azurerm_local_network_gateway.onprem.id
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/about-forced-tunneling
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.vpn_gateway_default_site

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

required[lower(gw.id)] := gw if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	customers.requirements_of_id(gw.id).forced_tunneling == true
	not beside_er_gateway(lower(gw.id))
}

beside_er_gateway(gw) if {
	some other in topology.vnet_gateways[topology.gateway_vnet[gw]]
	topology.is_er_gateway(res.by_id[other])
}

deny contains {
	"resource": gw.id,
	"message": sprintf("VPN gateway %s of a forced-tunneling customer runs without BGP and has no default site", [gw.name]),
} if {
	some gw in required
	object.get(gw, ["properties", "enableBgp"], false) == false
	object.get(gw, ["properties", "gatewayDefaultSite"], null) == null
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the BGP or default site setting of VPN gateway %s is not known before deployment", [gw.name]),
} if {
	some gw in required
	some setting in ["enableBgp", "gatewayDefaultSite"]
	values.unknown_at(gw, ["properties", setting])
}
