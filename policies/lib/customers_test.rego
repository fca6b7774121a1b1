package erguard.lib.customers_test

import data.erguard.lib.customers
import data.erguard.lib.fixtures_test as fx

circuit_a := fx.circuit(fx.sub_a, "er-a", {})

circuit_tagged := fx.circuit(fx.sub_a, "er-t", {"tags": {"ERGUARD-CUSTOMER": "fabrikam"}})

estate := fx.snapshot_for(fx.customers, [circuit_a, circuit_tagged])

test_customer_by_subscription if {
	customers.of_id(circuit_a.id) == "contoso" with input as estate
}

test_a_tag_overrides_the_subscription if {
	customers.of_id(circuit_tagged.id) == "fabrikam" with input as estate
}

test_ids_outside_the_snapshot_use_their_subscription if {
	customers.of_id(fx.circuit_id(fx.sub_b, "elsewhere")) == "fabrikam" with input as estate
	customers.of_id(upper(circuit_a.id)) == "contoso" with input as estate
	not customers.of_id(fx.circuit_id(fx.sub_csp, "x")) with input as estate
}

test_a_subscription_listed_twice_belongs_to_nobody if {
	twice := fx.snapshot_for(array.concat(fx.customers, [{"name": "other", "subscriptions": [upper(fx.sub_a)]}]), [circuit_a])
	not customers.of_id(circuit_a.id) with input as twice
}

test_different_and_undetermined_customers if {
	customers.different(circuit_a.id, fx.circuit_id(fx.sub_b, "x")) with input as estate
	not customers.different(circuit_a.id, fx.circuit_id(fx.sub_a, "y")) with input as estate
	customers.undetermined(circuit_a.id, fx.circuit_id(fx.sub_csp, "x")) with input as estate
	not customers.undetermined(circuit_a.id, fx.circuit_id(fx.sub_a, "y")) with input as estate
}

test_requirements_overlay_the_defaults if {
	r := customers.requirements("contoso") with data.erguard.config.customers as {"contoso": {"forced_tunneling": true}}
	r.forced_tunneling == true
	r.encryption == "none"
	customers.requirements_of_id(fx.circuit_id(fx.sub_csp, "x")).min_circuits == 2 with input as estate
}
