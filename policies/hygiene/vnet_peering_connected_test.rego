package erguard.rules.hygiene.vnet_peering_connected_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.vnet_peering_connected as rule

vnet(state) := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [], {"properties": {"virtualNetworkPeerings": [fx.peering_to(fx.vnet_id(fx.sub_a, "hub"), {"properties": {"peeringState": state}})]}})

test_a_connected_peering_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([vnet("Connected")])
}

test_an_initiated_peering_fails if {
	fx.ids(rule.deny) == {lower(vnet("Initiated").id)} with input as fx.snapshot([vnet("Initiated")])
}

test_a_template_is_unknown if {
	v := json.remove(vnet("Connected"), ["properties/virtualNetworkPeerings/0/properties/peeringState"])
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
}
