# METADATA
# title: Circuit of a forced-tunneling customer learns a default route from on-premises
# description: |
#   The seed's forced tunneling baseline sends Internet-bound traffic from Azure back
#   on-premises over ExpressRoute, where the customer's (or the CSP's) security stack
#   inspects it. It works through a default route (0.0.0.0/0) the on-premises edge advertises
#   on the private peering. If the circuit does not learn that route on both paths, Azure
#   sends Internet traffic straight out, or sends it down one path only and loses it when
#   that path fails.
# custom:
#   id: CSP-FT-001
#   severity: high
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit belongs to a customer that requires forced tunneling (customers.<name>.forced_tunneling) and the route table of its private peering, on the primary or the secondary path, holds no 0.0.0.0/0 learned from the on-premises edge, or the circuit has no enabled private peering.
#   unknown_when: the snapshot holds no runtime state for the circuit (collect with --runtime; templates and plans never hold it), or reading a path's route table failed.
#   remediation: Advertise 0.0.0.0/0 from both on-premises edge routers over the private peering BGP sessions of the circuit.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#advertising-default-routes
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.circuit_default_route_learned

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.values

paths := ["primary", "secondary"]

# Circuits whose customer requires forced tunneling.
required[lower(c.id)] := c if {
	some c in res.of_type(res.circuit_type)
	customers.requirements_of_id(c.id).forced_tunneling == true
}

private_runtime(c) := p if {
	some p in c.runtime.peerings
	values.lc(object.get(p, "peeringType", "")) == "azureprivatepeering"
}

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s of a forced-tunneling customer learns no default route from on-premises on: %s", [c.name, concat(", ", missing)]),
	"evidence": {"paths": missing},
} if {
	some c in required
	p := private_runtime(c)
	missing := [path | some path in paths; object.get(p, [path, "defaultRouteLearned"], null) == false]
	count(missing) > 0
}

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s of a forced-tunneling customer has no enabled private peering to learn a default route on", [c.name]),
} if {
	some c in required
	is_array(c.runtime.peerings)
	not private_runtime(c)
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the default route of circuit %s is runtime state, which this snapshot does not hold (collect with --runtime)", [c.name]),
} if {
	some c in required
	not is_array(object.get(c, ["runtime", "peerings"], null))
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the route table of circuit %s could not be read on: %s", [c.name, concat(", ", unread)]),
} if {
	some c in required
	p := private_runtime(c)
	every path in paths {
		object.get(p, [path, "defaultRouteLearned"], null) != false
	}
	unread := [path | some path in paths; not is_boolean(object.get(p, [path, "defaultRouteLearned"], null))]
	count(unread) > 0
}
