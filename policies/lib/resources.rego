# METADATA
# description: |
#   The snapshot's resources, indexed once per evaluation. Rules look resources up by type or
#   by id here instead of scanning input.resources: a snapshot can hold 100,000 resources and
#   every rule runs over the same indexes (the evaluator caches rule values per query session).
#   Ids and types are compared in lower case, as Azure compares them.
#
#   Helpers take ids and small values rather than whole resources: the evaluator memoises
#   function calls by their arguments, and a large argument costs a serialisation.
package erguard.lib.resources

# The lower-case ARM types the bundle reads.
circuit_type := "microsoft.network/expressroutecircuits"

port_type := "microsoft.network/expressrouteports"

er_gateway_type := "microsoft.network/expressroutegateways"

gateway_type := "microsoft.network/virtualnetworkgateways"

connection_type := "microsoft.network/connections"

vnet_type := "microsoft.network/virtualnetworks"

nsg_type := "microsoft.network/networksecuritygroups"

route_table_type := "microsoft.network/routetables"

route_filter_type := "microsoft.network/routefilters"

firewall_type := "microsoft.network/azurefirewalls"

firewall_policy_type := "microsoft.network/firewallpolicies"

hub_type := "microsoft.network/virtualhubs"

hub_connection_type := "microsoft.network/virtualhubs/hubvirtualnetworkconnections"

nic_type := "microsoft.network/networkinterfaces"

flow_log_type := "microsoft.network/networkwatchers/flowlogs"

metric_alert_type := "microsoft.insights/metricalerts"

activity_log_alert_type := "microsoft.insights/activitylogalerts"

maintenance_assignment_type := "microsoft.maintenance/configurationassignments"

# by_type[type][id] is the resource: one pass over the snapshot.
by_type[t][id] := r if {
	some r in input.resources
	t := lower(r.type)
	id := lower(r.id)
}

# by_id[id] is the resource with that (lower-case) id.
by_id[lower(r.id)] := r if some r in input.resources

# The resources of one type, as an object keyed by lower-case id (iterate its values).
of_type(t) := object.get(by_type, t, {})

# The resource a reference ({"id": …} or an id string) points at, when the snapshot holds it.
get(ref) := by_id[ref_id(ref)]

# The lower-case id of a reference: ARM writes {"id": "…"}; some IaC values are bare ids.
ref_id(ref) := lower(ref.id) if is_string(ref.id) else := lower(ref) if is_string(ref)

# The id of the parent of a child resource id: …/virtualNetworks/v/subnets/s → …/virtualNetworks/v.
# (Ids are split rather than matched with a regex: these helpers run for every resource, and
# split costs a fraction of an RE2 match.)
parent_id(id) := without_child(lower(id), "")

# The last segment of an id: the resource's name.
name_of(id) := parts[count(parts) - 1] if parts := split(id, "/")

# `id` without its last two segments (a child's type and name) when both are non-empty, there is
# a segment before them, and the type is `child_type` (any type for ""); otherwise `id` itself.
without_child(id, child_type) := concat("/", array.slice(parts, 0, n - 2)) if {
	parts := split(id, "/")
	n := count(parts)
	n >= 3
	parts[n - 1] != ""
	parts[n - 2] != ""
	child_type in {"", parts[n - 2]}
} else := id

# The subscription id (lower case) of an id.
subscription_of_id(id) := parts[2] if {
	parts := split(lower(id), "/")
	parts[1] == "subscriptions"
}

# The subscription of a resource from its subscriptionId, else from its id.
subscription_key(subscription_id, id) := lower(subscription_id) if is_string(subscription_id) else := subscription_of_id(id)

# A tag's value from a resource's tags, with the key compared case-insensitively (Azure tag
# names are case-insensitive).
tag(tags, key) := v if {
	some k, v in tags
	lower(k) == lower(key)
}

# True when the snapshot comes from infrastructure-as-code: read-only properties (states,
# router names, learned routes) are absent there, and an absent optional setting is not set.
iac if input.source.kind in {"arm", "terraform"}
