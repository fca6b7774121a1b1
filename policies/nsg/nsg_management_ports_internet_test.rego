package erguard.rules.nsg.nsg_management_ports_internet_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_management_ports_internet as rule

nsg(rules) := fx.nsg(fx.sub_a, "nsg-app", rules, {})

from_internet(name, priority, ports) := fx.security_rule(name, "Allow", priority, {"properties": {"sourceAddressPrefix": "Internet", "destinationPortRange": ports}})

test_https_from_the_internet_passes_this_rule if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg([from_internet("web", 100, "443")])])
}

test_ssh_from_onpremises_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg([fx.security_rule("ssh", "Allow", 100, {"properties": {"destinationPortRange": "22"}})])])
}

test_rdp_from_the_internet_fails if {
	n := nsg([from_internet("rdp", 100, "3389")])
	fx.ids(rule.deny) == {lower(n.id)} with input as fx.snapshot([n])
}

test_a_range_covering_ssh_fails if {
	n := nsg([fx.security_rule("wide", "Allow", 100, {"properties": {"sourceAddressPrefix": "*", "protocol": "*", "destinationPortRange": "", "destinationPortRanges": ["20-25", "8080"]}})])
	some f in rule.deny with input as fx.snapshot([n])
	f.evidence.exposed == ["22 (rule wide)"]
}

test_a_port_closed_by_a_higher_priority_deny_passes if {
	closed := fx.security_rule("no-ssh", "Deny", 100, {"properties": {"sourceAddressPrefix": "Internet", "destinationPortRange": "22"}})
	count(rule.deny) == 0 with input as fx.snapshot([nsg([closed, from_internet("ssh", 200, "22")])])
}

test_a_rule_with_an_unknown_port_is_unknown if {
	n := nsg([from_internet("x", 100, {"$unknown": "azurerm_network_security_rule.x.destination_port_range"})])
	fx.ids(rule.unknown) == {lower(n.id)} with input as fx.iac([n])
}
