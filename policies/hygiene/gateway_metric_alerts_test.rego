package erguard.rules.hygiene.gateway_metric_alerts_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.gateway_metric_alerts as rule

gw := fx.gateway(fx.sub_a, "ergw", "hub", {})

alert(scope) := fx.resource(fx.sub_a, "Microsoft.Insights/metricAlerts", "ergw-cpu", {"location": "global", "properties": {"enabled": true, "scopes": [scope]}})

test_a_watched_gateway_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([gw, alert(gw.id)])
}

test_an_unwatched_gateway_fails if {
	fx.ids(rule.deny) == {lower(gw.id)} with input as fx.snapshot([gw])
}

test_a_template_without_alerts_is_unknown if {
	fx.ids(rule.unknown) == {lower(gw.id)} with input as fx.iac([gw])
}
