# METADATA
# description: |
#   Alerts that watch resources: the scopes of enabled metric alerts, and the subscriptions
#   with a Service Health activity log alert.
package erguard.lib.monitoring

import data.erguard.lib.resources as res
import data.erguard.lib.values

# The resources (lower-case ids) an enabled metric alert watches.
metric_alert_scopes contains lower(scope) if {
	some a in res.of_type(res.metric_alert_type)
	object.get(a, ["properties", "enabled"], true) != false
	some scope in values.list(a, ["properties", "scopes"])
	is_string(scope)
}

# True when the snapshot holds no metric alerts and comes from a template or plan: alerts are
# often deployed elsewhere, so their absence there proves nothing.
metric_alerts_unseen if {
	res.iac
	count(res.of_type(res.metric_alert_type)) == 0
}

# The subscriptions (lower case) with an enabled Service Health activity log alert.
service_health_subscriptions contains sub if {
	some a in res.of_type(res.activity_log_alert_type)
	object.get(a, ["properties", "enabled"], true) != false
	some c in values.list(a, ["properties", "condition", "allOf"])
	values.lc(object.get(c, "field", "")) == "category"
	values.lc(object.get(c, "equals", "")) == "servicehealth"
	some scope in values.list(a, ["properties", "scopes"])
	sub := res.subscription_of_id(scope)
}
