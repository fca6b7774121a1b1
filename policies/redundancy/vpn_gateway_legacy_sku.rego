# METADATA
# title: VPN gateway does not use a legacy SKU
# description: |
#   The Basic, Standard and HighPerformance VPN gateway SKUs are legacy: lower throughput,
#   fewer tunnels, no active-active or zone redundancy (Basic has not even BGP or custom
#   IPsec policies). A VPN gateway that backs up a circuit, or carries the IPsec overlay that
#   encrypts it, must be as available as the circuit it complements.
# custom:
#   id: VNG-001
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: A VPN gateway's SKU is in gateway.vpn_legacy_skus.
#   unknown_when: the SKU is not known before deployment.
#   remediation: Migrate the gateway to a VpnGw AZ SKU.
#   remediation_examples:
#     arm: |
#       "sku": { "name": "VpnGw2AZ", "tier": "VpnGw2AZ" }
#     bicep: |
#       sku: {
#         name: 'VpnGw2AZ'
#         tier: 'VpnGw2AZ'
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "vpn" {
#         type       = "Vpn"
#         sku        = "VpnGw2AZ"
#         generation = "Generation2"
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-skus-legacy
#     - https://learn.microsoft.com/azure/expressroute/use-s2s-vpn-as-backup-for-expressroute-privatepeering
#   frameworks:
#     psrule: [Azure.VNG.VPNLegacySKU]
#     azure-policy: [e345b6c3-24bd-4c93-9bbb-7e5e49a17b78]
package erguard.rules.redundancy.vpn_gateway_legacy_sku

import data.erguard.lib.config
import data.erguard.lib.gateways
import data.erguard.lib.resources as res
import data.erguard.lib.topology

legacy := {lower(s) | some s in config.get(["gateway", "vpn_legacy_skus"], [])}

deny contains {
	"resource": gw.id,
	"message": sprintf("VPN gateway %s uses the legacy SKU %s", [gw.name, sku]),
	"evidence": {"sku": sku},
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	sku := gateways.sku(gw)
	lower(sku) in legacy
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the SKU of VPN gateway %s is not known before deployment", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	gateways.sku_unknown(gw)
}
