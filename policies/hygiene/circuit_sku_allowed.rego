# METADATA
# title: ExpressRoute circuit uses an allowed SKU
# description: |
#   A circuit's SKU sets what it can do and what it costs: the tier (Standard, Premium, Local)
#   decides how many virtual networks it may link and from which regions, the family
#   (MeteredData, UnlimitedData) how egress is billed. An estate standardises the SKUs it
#   supports; the retired Basic tier and unexpected families are drift to correct.
# custom:
#   id: ER-CIRCUIT-001
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's sku.tier is not in circuit.allowed_tiers, or its sku.family not in circuit.allowed_families.
#   unknown_when: the SKU is not known before deployment (an unresolved template parameter or a Terraform value known after apply).
#   remediation: Upgrade the circuit to an allowed tier and family (an upgrade from Standard to Premium or from metered to unlimited happens in place; a downgrade needs a new circuit).
#   remediation_examples:
#     arm: |
#       "sku": { "name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData" }
#     bicep: |
#       sku: {
#         name: 'Standard_MeteredData'
#         tier: 'Standard'
#         family: 'MeteredData'
#       }
#     terraform: |
#       sku {
#         tier   = "Standard"
#         family = "MeteredData"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-faqs
#     - https://learn.microsoft.com/azure/expressroute/plan-manage-cost
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#network-speeds
#   frameworks:
#     waf: [OE:05]
package erguard.rules.hygiene.circuit_sku_allowed

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s uses SKU tier %v and family %v; allowed tiers: %v, families: %v", [c.name, sku.tier, sku.family, tiers, families]),
	"evidence": {"sku": sku},
} if {
	some c in res.of_type(res.circuit_type)
	sku := object.get(c, "sku", {})
	not values.has_unknown(sku)
	not allowed(sku)
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the SKU of circuit %s is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	values.has_unknown(object.get(c, "sku", {}))
}

tiers := config.get(["circuit", "allowed_tiers"], [])

families := config.get(["circuit", "allowed_families"], [])

allowed(sku) if {
	values.lc(sku.tier) in {lower(t) | some t in tiers}
	values.lc(sku.family) in {lower(f) | some f in families}
}
