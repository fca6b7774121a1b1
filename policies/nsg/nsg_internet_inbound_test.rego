package erguard.rules.nsg.nsg_internet_inbound_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_internet_inbound as rule

nsg(rules) := fx.nsg(fx.sub_a, "nsg-app", rules, {})

internet_https := fx.security_rule("web", "Allow", 200, {"properties": {"sourceAddressPrefix": "Internet"}})

test_rules_from_private_sources_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg([fx.security_rule("onprem", "Allow", 100, {})])])
}

test_an_allow_from_the_internet_fails if {
	n := nsg([internet_https])
	fx.ids(rule.deny) == {lower(n.id)} with input as fx.snapshot([n])
}

test_any_spelling_of_anywhere_fails if {
	every source in ["*", "any", "0.0.0.0/0", "::/0"] {
		n := nsg([fx.security_rule("r", "Allow", 200, {"properties": {"sourceAddressPrefix": "", "sourceAddressPrefixes": ["10.0.0.0/8", source]}})])
		count(rule.deny) == 1 with input as fx.snapshot([n])
	}
}

test_an_allow_hidden_by_a_higher_priority_deny_passes if {
	deny_all := fx.security_rule("deny-internet", "Deny", 100, {"properties": {"sourceAddressPrefix": "*", "protocol": "*", "destinationPortRange": "*"}})
	count(rule.deny) == 0 with input as fx.snapshot([nsg([deny_all, internet_https])])
}

test_a_configured_public_port_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg([internet_https])]) with data.erguard.config.nsg.public_ports as [443]
}

test_an_nsg_of_the_bastion_subnet_passes if {
	vnet := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "AzureBastionSubnet", "10.0.2.0/26", {"properties": {"networkSecurityGroup": {"id": fx.nsg_id(fx.sub_a, "nsg-app")}}})], {})
	count(rule.deny) == 0 with input as fx.snapshot([vnet, nsg([internet_https])])
}

test_a_rule_with_an_unknown_source_is_unknown if {
	n := nsg([fx.security_rule("r", "Allow", 200, {"properties": {"sourceAddressPrefix": {"$unknown": "azurerm_network_security_rule.r.source_address_prefix"}}})])
	count(rule.deny) == 0 with input as fx.iac([n])
	fx.ids(rule.unknown) == {lower(n.id)} with input as fx.iac([n])
}
