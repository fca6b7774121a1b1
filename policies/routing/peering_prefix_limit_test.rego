package erguard.rules.routing.peering_prefix_limit_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.peering_prefix_limit as rule

side(n) := {"summary": [{"neighbor": "192.168.100.1", "statePfxRcd": n}]}

circuit(tier, primary) := fx.circuit(fx.sub_a, "er-1", {"sku": {"tier": tier}, "runtime": {"peerings": [{"name": "AzurePrivatePeering", "peeringType": "AzurePrivatePeering", "primary": side(primary), "secondary": side("120")}]}})

test_a_peering_far_below_the_limit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit("Standard", "120")])
}

test_a_standard_peering_near_the_limit_fails if {
	c := circuit("Standard", "3500")
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence == {"paths": [{"path": "primary", "prefixes": 3500}], "limit": 4000}
}

test_premium_circuits_have_the_higher_limit_and_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit("Premium", "3500")])
}

test_without_runtime_state_it_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.snapshot([c])
}
