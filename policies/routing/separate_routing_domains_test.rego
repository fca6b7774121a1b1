package erguard.rules.routing.separate_routing_domains_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.separate_routing_domains as rule

separate := {"contoso": {"separate_routing_domains": true}}

both := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.private_peering, fx.microsoft_peering({})]}})

test_a_private_only_circuit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [fx.circuit(fx.sub_a, "er-1", {})]) with data.erguard.config.customers as separate
}

test_both_domains_on_one_circuit_fail if {
	fx.ids(rule.deny) == {lower(both.id)} with input as fx.snapshot_for(fx.customers, [both]) with data.erguard.config.customers as separate
}

test_customers_that_accept_both_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [both])
}
