package erguard.rules.hygiene.circuit_provisioned_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.circuit_provisioned as rule

test_a_provisioned_circuit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
}

test_a_circuit_the_provider_has_not_provisioned_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"serviceProviderProvisioningState": "NotProvisioned"}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_a_template_is_unknown if {
	c := json.remove(fx.circuit(fx.sub_a, "er-1", {}), ["properties/serviceProviderProvisioningState"])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
