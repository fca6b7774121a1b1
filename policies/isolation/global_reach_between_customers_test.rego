package erguard.rules.isolation.global_reach_between_customers_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.global_reach_between_customers as rule

# A circuit whose private peering has a Global Reach connection to `peer_circuit`.
linking(sub, name, peer_circuit) := fx.circuit(sub, name, {"properties": {"peerings": [object.union(fx.private_peering, {"properties": {"connections": [{
	"name": "gr",
	"properties": {"peerExpressRouteCircuitPeering": {"id": concat("/", [peer_circuit, "peerings", "AzurePrivatePeering"])}, "addressPrefix": "192.168.200.0/29"},
}]}})]}})

test_global_reach_within_one_customer_passes if {
	a := linking(fx.sub_a, "er-ams", fx.circuit_id(fx.sub_a, "er-lon"))
	estate := fx.snapshot_for(fx.customers, [a, fx.circuit(fx.sub_a, "er-lon", {})])
	count(rule.deny) == 0 with input as estate
}

test_global_reach_between_customers_fails_on_both_circuits if {
	a := linking(fx.sub_a, "er-contoso", fx.circuit_id(fx.sub_b, "er-fabrikam"))
	b := fx.circuit(fx.sub_b, "er-fabrikam", {})
	fx.ids(rule.deny) == {lower(a.id), lower(b.id)} with input as fx.snapshot_for(fx.customers, [a, b])
}

test_a_link_to_a_circuit_of_an_unknown_customer_is_unknown if {
	a := linking(fx.sub_a, "er-contoso", fx.circuit_id(fx.sub_csp, "er-shared"))
	estate := fx.snapshot_for(fx.customers, [a])
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(a.id)} with input as estate
}
