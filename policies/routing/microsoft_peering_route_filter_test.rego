package erguard.rules.routing.microsoft_peering_route_filter_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.microsoft_peering_route_filter as rule

circuit(peering) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.private_peering, peering]}})

filter := {"id": fx.route_filter_id(fx.sub_a, "rf")}

test_a_filtered_microsoft_peering_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit(fx.microsoft_peering({"properties": {"routeFilter": filter}}))])
}

test_an_unfiltered_microsoft_peering_fails if {
	c := circuit(fx.microsoft_peering({}))
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_an_unfiltered_ipv6_configuration_fails if {
	c := circuit(fx.microsoft_peering({"properties": {"routeFilter": filter, "ipv6PeeringConfig": {"state": "Enabled"}}}))
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.missing == ["IPv6"]
}

test_an_unknown_filter_is_unknown if {
	c := circuit(fx.microsoft_peering({"properties": {"routeFilter": {"id": {"$unknown": "azurerm_express_route_circuit_peering.ms.route_filter_id"}}}}))
	count(rule.deny) == 0 with input as fx.iac([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
