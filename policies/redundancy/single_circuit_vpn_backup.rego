# METADATA
# title: A gateway with a single circuit has a site-to-site VPN backup
# description: |
#   Until a second circuit in another peering location is in place, a virtual network whose
#   ExpressRoute gateway connects a single circuit loses on-premises connectivity with that
#   circuit. A site-to-site VPN gateway in the same network, advertising the same prefixes
#   with a lower preference, keeps a (slower) path open in the meantime.
# custom:
#   id: VNG-004
#   severity: low
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: An ExpressRoute gateway is connected to exactly one circuit and its virtual network has no VPN gateway.
#   remediation: Deploy a VPN gateway beside the ExpressRoute gateway with a site-to-site connection to on-premises as a backup, or add a second circuit.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Network/virtualNetworkGateways", "apiVersion": "2024-05-01", "name": "vpngw",
#         "location": "westeurope", "properties": { "gatewayType": "Vpn", "vpnType": "RouteBased",
#           "enableBgp": true, "activeActive": true, "sku": { "name": "VpnGw2AZ", "tier": "VpnGw2AZ" },
#           "ipConfigurations": [ ] } }
#     bicep: |
#       resource vpngw 'Microsoft.Network/virtualNetworkGateways@2024-05-01' = {
#         name: 'vpngw'
#         location: location
#         properties: {
#           gatewayType: 'Vpn'
#           vpnType: 'RouteBased'
#           enableBgp: true
#           activeActive: true
#           sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ' }
#           ipConfigurations: [ ]
#         }
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "vpn" {
#         type          = "Vpn"
#         vpn_type      = "RouteBased"
#         enable_bgp    = true
#         active_active = true
#         sku           = "VpnGw2AZ"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/use-s2s-vpn-as-backup-for-expressroute-privatepeering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-coexist-resource-manager
#   frameworks:
#     aprl: [f902cf86-2b53-2942-abc2-781f4fb62be6]
package erguard.rules.redundancy.single_circuit_vpn_backup

import data.erguard.lib.resources as res
import data.erguard.lib.topology

has_vpn_beside(gw) if {
	some other in topology.vnet_gateways[topology.gateway_vnet[gw]]
	topology.is_vpn_gateway(res.by_id[other])
}

deny contains {
	"resource": gw.id,
	"message": sprintf("ExpressRoute gateway %s depends on the single circuit %s and has no VPN backup", [gw.name, res.name_of(circuit)]),
	"evidence": {"circuit": circuit},
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	circuits := topology.gateway_circuits[lower(gw.id)]
	count(circuits) == 1
	some circuit in circuits
	not has_vpn_beside(lower(gw.id))
}
