# METADATA
# title: ExpressRoute gateway does not use a legacy SKU
# description: |
#   The Basic ExpressRoute gateway SKU is retired: it has the lowest throughput, no zone
#   redundancy, no FastPath and no support for coexistence with a VPN gateway. Circuits that
#   the seed pairs for high availability lose much of that availability behind a gateway that
#   cannot scale or survive a zone failure.
# custom:
#   id: ER-GW-001
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: An ExpressRoute gateway's SKU is in gateway.legacy_skus (Basic by default).
#   unknown_when: the SKU is not known before deployment.
#   remediation: Migrate the gateway to a zone-redundant SKU (ErGw1AZ or larger, or ErGwScale) with the gateway migration tool.
#   remediation_examples:
#     arm: |
#       "sku": { "name": "ErGw1AZ", "tier": "ErGw1AZ" }
#     bicep: |
#       sku: {
#         name: 'ErGw1AZ'
#         tier: 'ErGw1AZ'
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "ergw" {
#         type = "ExpressRoute"
#         sku  = "ErGw1AZ"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways#gwsku
#     - https://learn.microsoft.com/azure/expressroute/gateway-migration
#   frameworks:
#     psrule: [Azure.VNG.ERLegacySKU]
package erguard.rules.redundancy.er_gateway_legacy_sku

import data.erguard.lib.config
import data.erguard.lib.gateways
import data.erguard.lib.resources as res
import data.erguard.lib.topology

legacy := {lower(s) | some s in config.get(["gateway", "legacy_skus"], [])}

deny contains {
	"resource": gw.id,
	"message": sprintf("ExpressRoute gateway %s uses the legacy SKU %s", [gw.name, sku]),
	"evidence": {"sku": sku},
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	sku := gateways.sku(gw)
	lower(sku) in legacy
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the SKU of ExpressRoute gateway %s is not known before deployment", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	gateways.sku_unknown(gw)
}
