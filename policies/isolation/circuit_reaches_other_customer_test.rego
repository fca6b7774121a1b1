package erguard.rules.isolation.circuit_reaches_other_customer_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.circuit_reaches_other_customer as rule

er := fx.circuit(fx.sub_a, "er-contoso", {})

# A gateway in virtual network `vnet` of subscription `sub`, connected to contoso's circuit.
linked(sub, vnet) := [
	fx.vnet(sub, vnet, ["10.0.0.0/16"], [], {}),
	fx.gateway(sub, "ergw", vnet, {}),
	fx.connection(sub, "conn", fx.gateway_id(sub, "ergw"), er.id, {}),
]

test_a_circuit_reaching_its_own_customer_passes if {
	estate := fx.snapshot_for(fx.customers, array.concat([er], linked(fx.sub_a, "hub")))
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_a_circuit_reaching_another_customer_fails if {
	estate := fx.snapshot_for(fx.customers, array.concat([er], linked(fx.sub_b, "fabrikam-hub")))
	fx.ids(rule.deny) == {lower(er.id)} with input as estate
	some f in rule.deny with input as estate
	f.evidence == {"customer": "contoso", "vnets": ["fabrikam-hub (fabrikam)"]}
}

test_a_spoke_of_another_customer_using_the_gateway_fails if {
	spoke := fx.vnet(fx.sub_b, "fabrikam-spoke", ["10.9.0.0/16"], [], {"properties": {"virtualNetworkPeerings": [fx.peering_to(fx.vnet_id(fx.sub_a, "hub"), {"properties": {"useRemoteGateways": true}})]}})
	estate := fx.snapshot_for(fx.customers, array.concat([er, spoke], linked(fx.sub_a, "hub")))
	fx.ids(rule.deny) == {lower(er.id)} with input as estate
}

test_a_vnet_whose_customer_is_not_known_is_unknown if {
	estate := fx.snapshot_for(fx.customers, array.concat([er], linked(fx.sub_csp, "shared")))
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(er.id)} with input as estate
}

test_without_customers_nothing_is_unknown_and_all_pass if {
	estate := fx.snapshot(array.concat([er], linked(fx.sub_csp, "shared")))
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}
