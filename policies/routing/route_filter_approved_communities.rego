# METADATA
# title: Route filters allow only approved BGP communities
# description: |
#   A route filter decides which Microsoft services' prefixes are advertised to on-premises
#   over Microsoft peering. Each allowed community draws that service's traffic onto the
#   circuit; communities nobody approved (a whole region, a service the customer does not
#   use) move traffic off the Internet path the security team expects, and may exceed what
#   the circuit was sized for. The seed: define route filters that allow only permitted or
#   required routes.
# custom:
#   id: ER-RF-001
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/routefilters]
#   fails_when: routing.approved_communities is not empty and a rule of the route filter allows a community outside it.
#   unknown_when: the filter's communities are not known before deployment.
#   remediation: Remove the unapproved communities from the filter's rule, or approve them in erguard.yaml (policy.routing.approved_communities).
#   remediation_examples:
#     arm: |
#       "rules": [ { "name": "allow-exchange", "properties": { "access": "Allow", "routeFilterRuleType": "Community", "communities": [ "12076:5010" ] } } ]
#     bicep: |
#       rules: [
#         {
#           name: 'allow-exchange'
#           properties: {
#             access: 'Allow'
#             routeFilterRuleType: 'Community'
#             communities: [ '12076:5010' ]
#           }
#         }
#       ]
#     terraform: |
#       rule {
#         name        = "allow-exchange"
#         access      = "Allow"
#         rule_type   = "Community"
#         communities = ["12076:5010"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/how-to-routefilter-portal
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#bgp
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-routing-domains
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.route_filter_approved_communities

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.values

approved := {c | some c in config.get(["routing", "approved_communities"], [])}

allowed(f) := {x |
	some r in values.list(f, ["properties", "rules"])
	values.lc(object.get(r, ["properties", "access"], "Allow")) == "allow"
	some x in values.list(r, ["properties", "communities"])
	is_string(x)
}

deny contains {
	"resource": f.id,
	"message": sprintf("route filter %s allows communities that are not approved: %s", [f.name, concat(", ", extra)]),
	"evidence": {"communities": extra},
} if {
	count(approved) > 0
	some f in res.of_type(res.route_filter_type)
	extra := sort([x | some x in allowed(f); not x in approved])
	count(extra) > 0
}

unknown contains {
	"resource": f.id,
	"message": sprintf("the communities of route filter %s are not known before deployment", [f.name]),
} if {
	count(approved) > 0
	some f in res.of_type(res.route_filter_type)
	values.has_unknown(object.get(f, ["properties", "rules"], []))
}
