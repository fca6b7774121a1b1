package erguard.rules.hygiene.circuit_service_health_alert_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.circuit_service_health_alert as rule

circuit := fx.circuit(fx.sub_a, "er-1", {})

alert(sub, category) := fx.resource(fx.sub_a, "Microsoft.Insights/activityLogAlerts", sprintf("%s-%s", [category, sub]), {"properties": {
	"enabled": true,
	"scopes": [sprintf("/subscriptions/%s", [sub])],
	"condition": {"allOf": [{"field": "category", "equals": category}]},
}})

test_a_service_health_alert_on_the_subscription_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit, alert(fx.sub_a, "ServiceHealth")])
}

test_an_alert_of_another_category_or_subscription_fails if {
	fx.ids(rule.deny) == {lower(circuit.id)} with input as fx.snapshot([circuit, alert(fx.sub_a, "Administrative"), alert(fx.sub_b, "ServiceHealth")])
}

test_a_template_without_alerts_is_unknown if {
	fx.ids(rule.unknown) == {lower(circuit.id)} with input as fx.iac([circuit])
}
