# METADATA
# title: Route filter of a customer's circuit allows only that customer's services
# description: |
#   A CSP runs Microsoft peering for customers with different contracts: one uses Exchange
#   Online, another Dynamics, a third only Azure regional services. The route filter on each
#   customer's Microsoft peering decides which of those services' routes reach the
#   customer's network; a filter allowing communities beyond the customer's approved list
#   (customers.<name>.approved_communities) draws traffic onto its circuit that it never
#   agreed to carry.
# custom:
#   id: CSP-RT-003
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/routefilters]
#   fails_when: The route filter is attached to the Microsoft peering of a circuit whose customer has approved_communities, and allows a community outside them.
#   remediation: Remove the unapproved communities from the filter, or add them to the customer's approved list after agreeing with the customer.
#   remediation_examples:
#     arm: |
#       "rules": [ { "name": "contoso", "properties": { "access": "Allow", "routeFilterRuleType": "Community", "communities": [ "12076:5010" ] } } ]
#     bicep: |
#       rules: [
#         {
#           name: 'contoso'
#           properties: { access: 'Allow', routeFilterRuleType: 'Community', communities: [ '12076:5010' ] }
#         }
#       ]
#     terraform: |
#       rule {
#         name        = "contoso"
#         access      = "Allow"
#         rule_type   = "Community"
#         communities = ["12076:5010"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/how-to-routefilter-portal
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.route_filter_customer_communities

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# The customers whose circuits' Microsoft peering uses each route filter.
filter_customers[res.ref_id(p.properties.routeFilter)] contains owner if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	p := topology.peering(c, "MicrosoftPeering")
	res.ref_id(p.properties.routeFilter)
}

allowed(f) := {x |
	some r in values.list(f, ["properties", "rules"])
	values.lc(object.get(r, ["properties", "access"], "Allow")) == "allow"
	some x in values.list(r, ["properties", "communities"])
	is_string(x)
}

deny contains {
	"resource": f.id,
	"message": sprintf("route filter %s allows communities customer %s has not approved: %s", [f.name, owner, concat(", ", extra)]),
	"evidence": {"customer": owner, "communities": extra},
} if {
	some f in res.of_type(res.route_filter_type)
	some owner in filter_customers[lower(f.id)]
	approved := {x | some x in customers.requirements(owner).approved_communities}
	count(approved) > 0
	extra := sort([x | some x in allowed(f); not x in approved])
	count(extra) > 0
}
