package erguard.rules.routing.microsoft_peering_customer_prefixes_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.microsoft_peering_customer_prefixes as rule

owns := {"contoso": {"public_prefixes": ["203.0.113.0/24"]}}

circuit(prefixes) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.microsoft_peering({"properties": {"microsoftPeeringConfig": {"advertisedPublicPrefixes": prefixes}}})]}})

test_the_customers_own_prefixes_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [circuit(["203.0.113.128/27"])]) with data.erguard.config.customers as owns
}

test_a_prefix_of_someone_else_fails if {
	c := circuit(["203.0.113.128/27", "198.51.100.0/26"])
	some f in rule.deny with input as fx.snapshot_for(fx.customers, [c]) with data.erguard.config.customers as owns
	f.evidence.prefixes == ["198.51.100.0/26"]
}

test_without_configured_prefixes_it_is_unknown if {
	c := circuit(["203.0.113.128/27"])
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.snapshot_for(fx.customers, [c])
}
