package erguard.rules.nsg.nsg_custom_rules_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_custom_rules as rule

test_an_nsg_with_rules_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.nsg(fx.sub_a, "nsg", [fx.security_rule("r", "Allow", 100, {})], {})])
}

test_an_nsg_with_only_default_rules_fails if {
	n := fx.nsg(fx.sub_a, "nsg", [], {})
	fx.ids(rule.deny) == {lower(n.id)} with input as fx.snapshot([n])
}

test_an_unknown_rule_list_is_unknown if {
	n := fx.nsg(fx.sub_a, "nsg", {"$unknown": "azurerm_network_security_group.n.security_rule"}, {})
	count(rule.deny) == 0 with input as fx.iac([n])
	fx.ids(rule.unknown) == {lower(n.id)} with input as fx.iac([n])
}
