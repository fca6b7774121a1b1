package erguard.rules.isolation.circuit_unused_authorizations_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.circuit_unused_authorizations as rule

auth(name, status) := {"name": name, "properties": {"authorizationKey": "<redacted>", "authorizationUseStatus": status}}

test_redeemed_authorizations_pass if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"authorizations": [auth("used", "InUse")]}})
	count(rule.deny) == 0 with input as fx.snapshot([c])
	count(rule.unknown) == 0 with input as fx.snapshot([c])
}

test_an_available_authorization_fails if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"authorizations": [auth("used", "InUse"), auth("spare", "Available")]}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.authorizations == ["spare"]
}

test_an_authorization_declared_in_a_template_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"authorizations": [{"name": "new", "properties": {}}]}})
	count(rule.deny) == 0 with input as fx.iac([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
