package erguard.rules.routing.circuit_connection_limit_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.circuit_connection_limit as rule

links(c, n) := [fx.connection(fx.sub_a, sprintf("conn-%d", [i]), fx.gateway_id(fx.sub_a, sprintf("gw-%d", [i])), c.id, {}) | some i in numbers.range(1, n)]

test_ten_links_on_standard_pass if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	count(rule.deny) == 0 with input as fx.snapshot(array.concat([c], links(c, 10)))
}

test_eleven_links_on_standard_fail if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot(array.concat([c], links(c, 11)))
}

test_premium_circuits_pass if {
	c := fx.circuit(fx.sub_a, "er-1", {"sku": {"name": "Premium_MeteredData", "tier": "Premium"}})
	count(rule.deny) == 0 with input as fx.snapshot(array.concat([c], links(c, 11)))
}
