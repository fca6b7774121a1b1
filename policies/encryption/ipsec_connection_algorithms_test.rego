package erguard.rules.encryption.ipsec_connection_algorithms_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.ipsec_connection_algorithms as rule

strong := {
	"saLifeTimeSeconds": 27000,
	"ipsecEncryption": "GCMAES256",
	"ipsecIntegrity": "GCMAES256",
	"ikeEncryption": "GCMAES256",
	"ikeIntegrity": "SHA384",
	"dhGroup": "ECP384",
	"pfsGroup": "ECP384",
}

ipsec(policies) := fx.connection(fx.sub_a, "s2s", fx.gateway_id(fx.sub_a, "vpngw"), null, {"properties": {"connectionType": "IPsec", "peer": null, "ipsecPolicies": policies}})

test_a_strong_custom_policy_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([ipsec([strong])])
}

test_a_weak_algorithm_fails if {
	c := ipsec([object.union(strong, {"dhGroup": "DHGroup2", "ikeIntegrity": "SHA1"})])
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.problems == ["dhGroup DHGroup2", "ikeIntegrity SHA1"]
}

test_the_default_policy_fails_when_a_custom_one_is_required if {
	c := ipsec([])
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
	count(rule.deny) == 0 with input as fx.snapshot([c]) with data.erguard.config.encryption.require_custom_ipsec_policy as false
}

test_an_unknown_policy_is_unknown if {
	c := ipsec([object.union(strong, {"pfsGroup": {"$unknown": "azurerm_virtual_network_gateway_connection.s2s.ipsec_policy[0].pfs_group"}})])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
