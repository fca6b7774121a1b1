# METADATA
# title: VPN gateway is zone-redundant
# description: |
#   A VPN gateway deployed without availability zones can be lost with a single zone. Where
#   it carries the IPsec overlay over ExpressRoute or the backup path of a circuit, that
#   takes away encryption or redundancy exactly when a zone fails. The AZ SKUs spread the
#   gateway's instances across zones.
# custom:
#   id: VNG-003
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: A VPN gateway's SKU is not in gateway.vpn_zone_redundant_skus.
#   unknown_when: the SKU is not known before deployment.
#   remediation: Move the gateway to the matching VpnGwNAZ SKU, with zone-redundant Standard public IPs.
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
#         sku = "VpnGw2AZ"
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/about-zone-redundant-vnet-gateways
#   frameworks:
#     psrule: [Azure.VNG.VPNAvailabilityZoneSKU]
#     aprl: [5b1933a6-90e4-f642-a01f-e58594e5aab2]
package erguard.rules.redundancy.vpn_gateway_zone_redundant

import data.erguard.lib.config
import data.erguard.lib.gateways
import data.erguard.lib.resources as res
import data.erguard.lib.topology

zone_redundant := {lower(s) | some s in config.get(["gateway", "vpn_zone_redundant_skus"], [])}

deny contains {
	"resource": gw.id,
	"message": sprintf("VPN gateway %s uses the SKU %s, which is not zone-redundant", [gw.name, sku]),
	"evidence": {"sku": sku},
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	sku := gateways.sku(gw)
	not lower(sku) in zone_redundant
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the SKU of VPN gateway %s is not known before deployment", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	gateways.sku_unknown(gw)
}
