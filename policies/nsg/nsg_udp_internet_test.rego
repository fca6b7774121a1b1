package erguard.rules.nsg.nsg_udp_internet_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_udp_internet as rule

nsg(rules) := fx.nsg(fx.sub_a, "nsg-app", rules, {})

test_tcp_from_the_internet_passes_this_rule if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg([fx.security_rule("web", "Allow", 100, {"properties": {"sourceAddressPrefix": "Internet"}})])])
}

test_udp_from_the_internet_fails if {
	n := nsg([fx.security_rule("dns", "Allow", 100, {"properties": {"sourceAddressPrefix": "*", "protocol": "Udp", "destinationPortRange": "53"}})])
	fx.ids(rule.deny) == {lower(n.id)} with input as fx.snapshot([n])
}

test_any_protocol_from_the_internet_fails if {
	n := nsg([fx.security_rule("all", "Allow", 100, {"properties": {"sourceAddressPrefix": "Internet", "protocol": "*"}})])
	count(rule.deny) == 1 with input as fx.snapshot([n])
}

test_an_unknown_protocol_is_unknown if {
	n := nsg([fx.security_rule("x", "Allow", 100, {"properties": {"protocol": {"$unknown": "azurerm_network_security_rule.x.protocol"}}})])
	fx.ids(rule.unknown) == {lower(n.id)} with input as fx.iac([n])
}
