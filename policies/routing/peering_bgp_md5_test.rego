package erguard.rules.routing.peering_bgp_md5_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.peering_bgp_md5 as rule

circuit(key) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [object.union(fx.private_peering, {"properties": {"sharedKey": key}})]}})

test_a_redacted_key_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit("<redacted>")])
}

test_a_peering_without_key_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [json.remove(fx.private_peering, ["properties/sharedKey"])]}})
	c2 := circuit("")
	fx.ids(rule.deny) == {lower(c2.id)} with input as fx.snapshot([c2])
	count(rule.deny) == 1 with input as fx.snapshot([c])
}

test_an_unknown_key_is_unknown if {
	c := circuit({"$unknown": "azurerm_express_route_circuit_peering.p.shared_key"})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
