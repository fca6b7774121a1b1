package erguard.rules.hygiene.circuit_sku_allowed_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.circuit_sku_allowed as rule

test_a_standard_metered_circuit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
}

test_a_basic_circuit_fails if {
	basic := fx.circuit(fx.sub_a, "er-1", {"sku": {"name": "Basic_MeteredData", "tier": "Basic"}})
	fx.ids(rule.deny) == {lower(basic.id)} with input as fx.snapshot([basic])
}

test_a_family_outside_the_configured_list_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"sku": {"name": "Premium_UnlimitedData", "tier": "Premium", "family": "UnlimitedData"}})
	count(rule.deny) == 1 with input as fx.snapshot([c]) with data.erguard.config.circuit.allowed_families as ["MeteredData"]
}

test_an_unknown_sku_is_unknown_not_failed if {
	c := fx.circuit(fx.sub_a, "er-1", {"sku": {"tier": {"$unknown": "azurerm_express_route_circuit.er.sku.tier"}}})
	count(rule.deny) == 0 with input as fx.iac([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
