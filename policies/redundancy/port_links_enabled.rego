# METADATA
# title: Both links of an ExpressRoute Direct port are enabled
# description: |
#   An ExpressRoute Direct port is a pair of physical links to two Microsoft edge routers.
#   Each link has an administrative state; a link left Disabled (the default until the
#   cross-connect is ready) carries nothing, so every circuit on the port runs on one link
#   and the next failure takes all of them down.
# custom:
#   id: ER-PORT-003
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/expressrouteports]
#   fails_when: A link of the port has an adminState other than Enabled (absent means Disabled), or the port has fewer than two links.
#   unknown_when: a link's admin state is not known before deployment.
#   remediation: Complete the cross-connects and set adminState to Enabled on both links.
#   remediation_examples:
#     arm: |
#       "links": [ { "name": "link1", "properties": { "adminState": "Enabled" } },
#                  { "name": "link2", "properties": { "adminState": "Enabled" } } ]
#     bicep: |
#       links: [
#         { name: 'link1', properties: { adminState: 'Enabled' } }
#         { name: 'link2', properties: { adminState: 'Enabled' } }
#       ]
#     terraform: |
#       link1 {
#         admin_enabled = true
#       }
#       link2 {
#         admin_enabled = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-erdirect#state
#   frameworks:
#     aprl: [60077378-7cb1-4b35-89bb-393884d9921d]
package erguard.rules.redundancy.port_links_enabled

import data.erguard.lib.resources as res
import data.erguard.lib.values

links(p) := object.get(p, ["properties", "links"], [])

disabled(p) := sort([values.text(object.get(l, "name", "?")) |
	some l in links(p)
	state := object.get(l, ["properties", "adminState"], "Disabled")
	not values.is_unknown(state)
	state != "Enabled"
])

deny contains {
	"resource": p.id,
	"message": sprintf("ExpressRoute Direct port %s has links that are not enabled: %s", [p.name, concat(", ", disabled(p))]),
	"evidence": {"links": disabled(p)},
} if {
	some p in res.of_type(res.port_type)
	count(disabled(p)) > 0
}

deny contains {
	"resource": p.id,
	"message": sprintf("ExpressRoute Direct port %s has %d link(s) instead of two", [p.name, count(links(p))]),
	"evidence": {"links": count(links(p))},
} if {
	some p in res.of_type(res.port_type)
	is_array(links(p))
	count(links(p)) < 2
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the admin state of the links of port %s is not known before deployment", [p.name]),
} if {
	some p in res.of_type(res.port_type)
	count(disabled(p)) == 0
	some l in links(p)
	values.is_unknown(object.get(l, ["properties", "adminState"], null))
}
