package erguard.rules.isolation.circuit_classic_operations_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.circuit_classic_operations as rule

test_a_circuit_without_classic_operations_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
}

test_a_circuit_allowing_classic_operations_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"allowClassicOperations": true}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_an_unknown_setting_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"allowClassicOperations": {"$unknown": "azurerm_express_route_circuit.er.allow_classic_operations"}}})
	count(rule.deny) == 0 with input as fx.iac([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
