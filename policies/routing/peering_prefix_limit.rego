# METADATA
# title: Private peering stays below the received-prefix limit
# description: |
#   Azure accepts at most 4,000 prefixes on a Standard circuit's private peering (10,000 on
#   Premium) and drops the BGP session when the edge advertises more, taking the circuit
#   down for every network behind it. A peering already near the limit is one routing
#   change on-premises (or, connect-through, in the CSP network) away from that outage.
# custom:
#   id: ER-PEER-009
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A path of the private peering receives more prefixes than routing.prefix_warning_ratio of the circuit tier's limit (routing.max_prefixes).
#   unknown_when: the snapshot holds no runtime state for the circuit (collect with --runtime; templates and plans never hold it).
#   remediation: Summarise the on-premises routes advertised to Azure (or filter them on the edge), or move the circuit to Premium if the routes are needed.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#route-aggregation-and-prefix-limits
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#routing
#   frameworks:
#     waf: ["RE:05"]
package erguard.rules.routing.peering_prefix_limit

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.values

limit(c) := config.get(["routing", "max_prefixes", "premium"], 10000) if values.lc(object.get(c, ["sku", "tier"], "")) == "premium"

limit(c) := config.get(["routing", "max_prefixes", "standard"], 4000) if values.lc(object.get(c, ["sku", "tier"], "")) != "premium"

received(side) := max([to_number(n.statePfxRcd) | some n in object.get(side, "summary", []); regex.match(`^[0-9]+$`, sprintf("%v", [n.statePfxRcd]))])

deny contains {
	"resource": c.id,
	"message": sprintf("the private peering of circuit %s is near its limit of %d prefixes: %s", [c.name, limit(c), concat(", ", [sprintf("%s receives %d", [o.path, o.prefixes]) | some o in over])]),
	"evidence": {"paths": over, "limit": limit(c)},
} if {
	some c in res.of_type(res.circuit_type)
	some p in c.runtime.peerings
	values.lc(object.get(p, "peeringType", "")) == "azureprivatepeering"
	over := [{"path": path, "prefixes": n} |
		some path in ["primary", "secondary"]
		n := received(object.get(p, path, {}))
		n > limit(c) * config.get(["routing", "prefix_warning_ratio"], 0.8)
	]
	count(over) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the prefixes received by circuit %s are runtime state, which this snapshot does not hold", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	not is_array(object.get(c, ["runtime", "peerings"], null))
}
