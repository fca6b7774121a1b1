# METADATA
# description: |
#   Which customer a resource belongs to. The snapshot's `customers` list names each
#   customer's subscriptions; a resource tag (erguard-customer by default, see
#   erguard.config.customer_tag) overrides it for shared subscriptions. A subscription listed
#   under two customers is ambiguous and belongs to neither.
package erguard.lib.customers

import data.erguard.lib.config
import data.erguard.lib.resources as res

# The customers listing each subscription (lower-case subscription ids).
subscription_customers[lower(sub)] contains c.name if {
	some c in input.customers
	some sub in c.subscriptions
}

# The one customer of a subscription.
by_subscription[sub] := name if {
	some sub, names in subscription_customers
	count(names) == 1
	some name in names
}

# The customers of the snapshot by name.
by_name[c.name] := c if some c in input.customers

# True when the snapshot names any customer: without customers there is nothing to isolate.
defined if count(input.customers) > 0

# The customer each resource's tag names (lower-case resource ids).
tagged[lower(r.id)] := v if {
	some r in input.resources
	some k, v in object.get(r, "tags", {})
	lower(k) == tag_key
}

tag_key := lower(config.settings.customer_tag)

# The customer of each resource of the snapshot: its tag, else its subscription's customer.
# Built once; rules look customers up by id (passing whole resources to functions is costly).
by_resource[id] := name if some id, name in tagged

by_resource[id] := name if {
	some r in input.resources
	id := lower(r.id)
	not tagged[id]
	name := by_subscription[res.subscription_key(object.get(r, "subscriptionId", null), r.id)]
}

# The customer of a resource id: the resource's when the snapshot holds it, else its
# subscription's.
of_id(id) := owner if {
	owner := by_resource[lower(id)]
} else := by_subscription[res.subscription_of_id(id)] if {
	not res.by_id[lower(id)]
}

# The connection model of a customer (connect-through or connect-to), when known.
model(name) := by_name[name].model

# True when two resource ids belong to different known customers.
different(a, b) if of_id(a) != of_id(b)

# True when the customer of one of two ids is not known while they lie in different
# subscriptions: whether they belong to one customer cannot be told.
undetermined(a, b) if {
	res.subscription_of_id(a) != res.subscription_of_id(b)
	not both_known(a, b)
}

both_known(a, b) if {
	of_id(a)
	of_id(b)
}

# The requirements that apply to a customer: erguard.config.customer_defaults overlaid with
# erguard.config.customers[name].
requirements(name) := object.union(config.settings.customer_defaults, object.get(config.settings.customers, name, {}))

# The requirements that apply to the customer of a resource id, or the defaults for a resource
# no customer owns.
requirements_of_id(id) := requirements(owner) if {
	owner := of_id(id)
} else := config.settings.customer_defaults if {
	not of_id(id)
}
