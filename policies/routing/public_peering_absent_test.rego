package erguard.rules.routing.public_peering_absent_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.public_peering_absent as rule

test_private_and_microsoft_peering_pass if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.private_peering, fx.microsoft_peering({})]}})
	count(rule.deny) == 0 with input as fx.snapshot([c])
}

test_public_peering_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.private_peering, {"name": "AzurePublicPeering", "properties": {"peeringType": "AzurePublicPeering"}}]}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}
