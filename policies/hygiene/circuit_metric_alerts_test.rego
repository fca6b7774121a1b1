package erguard.rules.hygiene.circuit_metric_alerts_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.circuit_metric_alerts as rule

circuit := fx.circuit(fx.sub_a, "er-1", {})

alert(scope, enabled) := fx.resource(fx.sub_a, "Microsoft.Insights/metricAlerts", "er-1-bgp", {"location": "global", "properties": {"enabled": enabled, "scopes": [scope]}})

test_a_watched_circuit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit, alert(upper(circuit.id), true)])
}

test_an_unwatched_circuit_fails if {
	fx.ids(rule.deny) == {lower(circuit.id)} with input as fx.snapshot([circuit, alert(circuit.id, false)])
}

test_a_template_without_alerts_is_unknown if {
	fx.ids(rule.unknown) == {lower(circuit.id)} with input as fx.iac([circuit])
}
