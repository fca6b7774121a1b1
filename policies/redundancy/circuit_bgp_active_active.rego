# METADATA
# title: Both BGP sessions of each peering are up and carry routes
# description: |
#   A circuit is a pair of connections to two Microsoft edge routers; it is only redundant if
#   both BGP sessions of every peering are established and both receive the on-premises
#   prefixes (active-active). A session that is down, or up but receiving nothing because
#   the edge prefers the other path, means the first router or link failure takes the
#   customer offline, and the SLA does not cover a circuit run active-passive.
# custom:
#   id: ER-CIRCUIT-010
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: For a private or Microsoft peering of the circuit, the route table summary of the primary or the secondary path shows no established BGP session, or an established session that receives no prefixes.
#   unknown_when: the snapshot holds no runtime state for the circuit (collect with --runtime; templates and plans never hold it), or reading a path's summary failed.
#   remediation: Bring up both BGP sessions from the two edge routers, advertise the same prefixes on both (no AS-path prepending that makes one path passive), and consider BFD for fast failover.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute#active-active-connections
#     - https://learn.microsoft.com/azure/expressroute/expressroute-troubleshooting-expressroute-overview
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     aprl: [f06a2bbe-5839-d447-9f39-fc3d20562d88]
#     waf: ["RE:05"]
package erguard.rules.redundancy.circuit_bgp_active_active

import data.erguard.lib.resources as res

paths := ["primary", "secondary"]

# The state of one path of a runtime peering: "active", "down", "passive" or "unread".
path_state(side) := "unread" if not is_array(object.get(side, "summary", null))

path_state(side) := "down" if {
	is_array(side.summary)
	count([n | some n in side.summary; is_number(prefixes(n))]) == 0
}

path_state(side) := "passive" if {
	received := [prefixes(n) | some n in side.summary; is_number(prefixes(n))]
	count(received) > 0
	max(received) == 0
}

path_state(side) := "active" if {
	some n in side.summary
	prefixes(n) > 0
}

# statePfxRcd is the number of prefixes received once the session is up, else its state.
prefixes(neighbour) := to_number(neighbour.statePfxRcd) if regex.match(`^[0-9]+$`, sprintf("%v", [neighbour.statePfxRcd]))

states(c) := [{"peering": p.name, "path": path, "state": path_state(object.get(p, path, {}))} |
	some p in c.runtime.peerings
	some path in paths
]

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s is not active-active: %s", [c.name, concat(", ", bad)]),
	"evidence": {"paths": bad},
} if {
	some c in res.of_type(res.circuit_type)
	bad := sort([sprintf("%s/%s %s", [s.peering, s.path, s.state]) | some s in states(c); s.state in {"down", "passive"}])
	count(bad) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the BGP sessions of circuit %s are runtime state, which this snapshot does not hold", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	not is_array(object.get(c, ["runtime", "peerings"], null))
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the BGP summary of circuit %s could not be read for: %s", [c.name, concat(", ", unread)]),
} if {
	some c in res.of_type(res.circuit_type)
	count([s | some s in states(c); s.state in {"down", "passive"}]) == 0
	unread := sort([sprintf("%s/%s", [s.peering, s.path]) | some s in states(c); s.state == "unread"])
	count(unread) > 0
}
