package erguard.rules.hygiene.port_metric_alerts_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.port_metric_alerts as rule

port := fx.port(fx.sub_a, "port-1", {})

test_a_watched_port_passes if {
	alert := fx.resource(fx.sub_a, "Microsoft.Insights/metricAlerts", "light", {"properties": {"scopes": [port.id]}})
	count(rule.deny) == 0 with input as fx.snapshot([port, alert])
}

test_an_unwatched_port_fails if {
	fx.ids(rule.deny) == {lower(port.id)} with input as fx.snapshot([port])
}

test_a_template_without_alerts_is_unknown if {
	fx.ids(rule.unknown) == {lower(port.id)} with input as fx.iac([port])
}
