# METADATA
# title: Customer tag agrees with the subscription's customer
# description: |
#   The customer of a resource decides which isolation, encryption and forced-tunneling
#   requirements apply to it. The erguard-customer tag exists for subscriptions the CSP shares
#   between customers; on a subscription that belongs to one customer, a tag naming another
#   customer (or a customer the estate does not know) is a mistake that moves the resource
#   into the wrong customer's boundary, in this scan and in the CSP's own tooling.
# custom:
#   id: CSP-ISO-006
#   severity: high
#   baseline: isolation
#   resource_types:
#     - microsoft.network/expressroutecircuits
#     - microsoft.network/expressrouteports
#     - microsoft.network/virtualnetworkgateways
#     - microsoft.network/expressroutegateways
#     - microsoft.network/connections
#     - microsoft.network/virtualnetworks
#     - microsoft.network/networksecuritygroups
#     - microsoft.network/routetables
#     - microsoft.network/routefilters
#     - microsoft.network/azurefirewalls
#     - microsoft.network/virtualhubs
#   fails_when: The resource's customer tag (erguard.config.customer_tag) names a customer the snapshot does not list, or a customer other than the one its subscription belongs to.
#   remediation: Correct the tag, or move the resource to a subscription of the customer it serves.
#   remediation_examples:
#     arm: |
#       "tags": { "erguard-customer": "contoso" }
#     bicep: |
#       tags: {
#         'erguard-customer': 'contoso'
#       }
#     terraform: |
#       tags = {
#         "erguard-customer" = "contoso"
#       }
#   references:
#     - https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#microsoft-azure-resource-management
#   frameworks:
#     mcsb: [AM-2]
package erguard.rules.isolation.customer_tag_matches_subscription

import data.erguard.lib.customers
import data.erguard.lib.resources as res

# The types of the METADATA's resource_types.
types := {
	res.circuit_type, res.port_type, res.gateway_type, res.er_gateway_type, res.connection_type, res.vnet_type,
	res.nsg_type, res.route_table_type, res.route_filter_type, res.firewall_type, res.hub_type,
}

deny contains {
	"resource": r.id,
	"message": msg,
	"evidence": {"tag": tagged, "subscriptionCustomer": object.get(customers.by_subscription, sub, null)},
} if {
	some id, tagged in customers.tagged
	r := res.by_id[id]
	lower(r.type) in types
	sub := res.subscription_key(object.get(r, "subscriptionId", null), r.id)
	msg := problem(r.name, tagged, sub)
}

problem(name, tagged, _) := sprintf("%s is tagged for customer %s, which the snapshot does not list", [name, tagged]) if not customers.by_name[tagged]

problem(name, tagged, sub) := sprintf("%s is tagged for customer %s but its subscription belongs to %s", [name, tagged, owner]) if {
	customers.by_name[tagged]
	owner := customers.by_subscription[sub]
	owner != tagged
}
