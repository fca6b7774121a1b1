# METADATA
# title: VPN gateway runs active-active
# description: |
#   An active-standby VPN gateway fails over in tens of seconds to a few minutes during
#   maintenance or an instance failure, dropping every tunnel: the IPsec overlay that
#   encrypts a customer's ExpressRoute traffic, or the backup path of a single circuit.
#   Active-active keeps a tunnel up on each instance.
# custom:
#   id: VNG-002
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: A VPN gateway's activeActive is not true.
#   unknown_when: the setting is not known before deployment.
#   remediation: Enable active-active mode (a second IP configuration and public IP) and configure the on-premises device with tunnels to both instances.
#   remediation_examples:
#     arm: |
#       "properties": { "gatewayType": "Vpn", "activeActive": true }
#     bicep: |
#       properties: {
#         gatewayType: 'Vpn'
#         activeActive: true
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "vpn" {
#         type          = "Vpn"
#         active_active = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/active-active-portal
#     - https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-highlyavailable
#   frameworks:
#     psrule: [Azure.VNG.VPNActiveActive]
#     aprl: [281a2713-c0e0-3c48-b596-19f590c46671]
package erguard.rules.redundancy.vpn_gateway_active_active

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

deny contains {
	"resource": gw.id,
	"message": sprintf("VPN gateway %s runs active-standby", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	v := object.get(gw, ["properties", "activeActive"], false)
	not values.is_unknown(v)
	v != true
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("whether VPN gateway %s runs active-active is not known before deployment", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	values.is_unknown(object.get(gw, ["properties", "activeActive"], null))
}
