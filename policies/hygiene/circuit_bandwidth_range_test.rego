package erguard.rules.hygiene.circuit_bandwidth_range_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.circuit_bandwidth_range as rule

provider(mbps) := fx.circuit(fx.sub_a, "er-1", {"properties": {"serviceProviderProperties": {"bandwidthInMbps": mbps}}})

direct(gbps) := fx.circuit(fx.sub_a, "er-1", {"properties": {"serviceProviderProperties": null, "bandwidthInGbps": gbps}})

test_sizes_within_the_range_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([provider(1000)])
	count(rule.deny) == 0 with input as fx.snapshot([direct(10)])
}

test_a_provider_circuit_beyond_the_range_fails if {
	c := provider(20000)
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_a_configured_narrower_range_fails_a_large_circuit if {
	count(rule.deny) == 1 with input as fx.snapshot([provider(5000)]) with data.erguard.config.circuit.bandwidth_mbps as {"min": 50, "max": 2000}
}

test_an_unknown_bandwidth_is_unknown if {
	c := provider({"$unknown": "azurerm_express_route_circuit.er.bandwidth_in_mbps"})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
