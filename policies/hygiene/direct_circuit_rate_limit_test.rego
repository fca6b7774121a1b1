package erguard.rules.hygiene.direct_circuit_rate_limit_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.direct_circuit_rate_limit as rule

direct(limit) := fx.circuit(fx.sub_a, "er-1", {"properties": {"expressRoutePort": {"id": fx.port_id(fx.sub_a, "port-1")}, "enableDirectPortRateLimit": limit}})

test_a_rate_limited_direct_circuit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([direct(true)])
}

test_an_unlimited_direct_circuit_fails if {
	fx.ids(rule.deny) == {lower(direct(false).id)} with input as fx.snapshot([direct(false)])
}

test_provider_circuits_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
}

test_an_unknown_setting_is_unknown if {
	c := direct({"$unknown": "azurerm_express_route_circuit.er.rate_limiting_enabled"})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
