package erguard.rules.redundancy.circuit_bgp_active_active_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.circuit_bgp_active_active as rule

side(state) := {"summary": [{"neighbor": "192.168.100.1", "v": 4, "as": 65010, "upDown": "2d", "statePfxRcd": state}]}

circuit(primary, secondary) := fx.circuit(fx.sub_a, "er-1", {"runtime": {"peerings": [{"name": "AzurePrivatePeering", "peeringType": "AzurePrivatePeering", "primary": primary, "secondary": secondary}]}})

test_both_sessions_up_with_routes_pass if {
	c := circuit(side("42"), side("42"))
	count(rule.deny) == 0 with input as fx.snapshot([c])
	count(rule.unknown) == 0 with input as fx.snapshot([c])
}

test_a_session_down_fails if {
	c := circuit(side("42"), side("Idle"))
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.paths == ["AzurePrivatePeering/secondary down"]
}

test_a_passive_path_fails if {
	c := circuit(side("42"), side("0"))
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.paths == ["AzurePrivatePeering/secondary passive"]
}

test_a_circuit_without_runtime_state_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.snapshot([c])
}

test_an_unreadable_summary_is_unknown if {
	c := circuit(side("42"), {"summaryError": {"code": "x", "message": "y"}})
	count(rule.deny) == 0 with input as fx.snapshot([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.snapshot([c])
}
