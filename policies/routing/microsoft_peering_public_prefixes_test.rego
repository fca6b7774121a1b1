package erguard.rules.routing.microsoft_peering_public_prefixes_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.microsoft_peering_public_prefixes as rule

circuit(prefixes) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.microsoft_peering({"properties": {"microsoftPeeringConfig": {"advertisedPublicPrefixes": prefixes}}})]}})

test_public_prefixes_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit(["203.0.113.128/27"])])
}

test_a_private_prefix_fails if {
	c := circuit(["203.0.113.128/27", "10.10.0.0/16"])
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.prefixes == ["10.10.0.0/16"]
}

test_unknown_prefixes_are_unknown if {
	c := circuit({"$unknown": "azurerm_express_route_circuit_peering.ms.microsoft_peering_config[0].advertised_public_prefixes"})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
