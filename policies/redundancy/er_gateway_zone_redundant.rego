# METADATA
# title: ExpressRoute gateway is zone-redundant
# description: |
#   A circuit pair protects against the failure of one Microsoft edge router; the gateway
#   that connects the circuit to the virtual network is the next single point of failure.
#   Zone-redundant SKUs (ErGw1AZ, ErGw2AZ, ErGw3AZ, and ErGwScale with at least two scale
#   units) spread the gateway's instances across availability zones, so a zone outage does
#   not cut the virtual network off from on-premises.
# custom:
#   id: ER-GW-002
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: An ExpressRoute gateway's SKU is not in gateway.zone_redundant_skus, or it is ErGwScale with fewer than gateway.scale_min_units minimum scale units.
#   unknown_when: the SKU or the scale bounds are not known before deployment.
#   remediation: Migrate the gateway to an AZ SKU or to ErGwScale with a minimum of two scale units.
#   remediation_examples:
#     arm: |
#       "sku": { "name": "ErGwScale", "tier": "ErGwScale" },
#       "autoScaleConfiguration": { "bounds": { "min": 2, "max": 10 } }
#     bicep: |
#       sku: {
#         name: 'ErGwScale'
#         tier: 'ErGwScale'
#       }
#       autoScaleConfiguration: {
#         bounds: { min: 2, max: 10 }
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "ergw" {
#         type = "ExpressRoute"
#         sku  = "ErGw2AZ"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways#zrgw
#     - https://learn.microsoft.com/azure/expressroute/scalable-gateway
#   frameworks:
#     psrule: [Azure.VNG.ERAvailabilityZoneSKU]
#     aprl: [bbe668b7-eb5c-c746-8b82-70afdedf0cae]
#     waf: ["RE:05"]
package erguard.rules.redundancy.er_gateway_zone_redundant

import data.erguard.lib.config
import data.erguard.lib.gateways
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

zone_redundant := {lower(s) | some s in config.get(["gateway", "zone_redundant_skus"], [])}

problem(gw) := sprintf("uses the SKU %s, which is not zone-redundant", [sku]) if {
	sku := gateways.sku(gw)
	not lower(sku) in zone_redundant
}

problem(gw) := sprintf("scales down to %v unit(s); zone redundancy needs at least %v", [low, need]) if {
	lower(gateways.sku(gw)) == "ergwscale"
	low := object.get(gw, ["properties", "autoScaleConfiguration", "bounds", "min"], 1)
	is_number(low)
	need := config.get(["gateway", "scale_min_units"], 2)
	low < need
}

deny contains {
	"resource": gw.id,
	"message": sprintf("ExpressRoute gateway %s %s", [gw.name, problem(gw)]),
	"evidence": {"sku": gateways.sku(gw)},
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	problem(gw)
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the SKU or scale of ExpressRoute gateway %s is not known before deployment", [gw.name]),
} if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	not problem(gw)
	values.has_unknown([object.get(gw, ["properties", "sku"], null), object.get(gw, ["properties", "autoScaleConfiguration"], null)])
}
