package erguard.rules.routing.microsoft_peering_prefixes_validated_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.microsoft_peering_prefixes_validated as rule

circuit(config) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.microsoft_peering({"properties": {"microsoftPeeringConfig": config}})]}})

test_configured_prefixes_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit({})])
}

test_prefixes_awaiting_validation_fail if {
	c := circuit({"advertisedPublicPrefixesState": "ValidationNeeded"})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_a_template_without_the_state_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [json.remove(fx.microsoft_peering({}), ["properties/microsoftPeeringConfig/advertisedPublicPrefixesState"])]}})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
