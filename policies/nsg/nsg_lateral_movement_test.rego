package erguard.rules.nsg.nsg_lateral_movement_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_lateral_movement as rule

outbound(name, access, priority, ports) := fx.security_rule(name, access, priority, {"properties": {
	"direction": "Outbound",
	"sourceAddressPrefix": "*",
	"destinationAddressPrefix": "VirtualNetwork",
	"destinationPortRange": "",
	"destinationPortRanges": ports,
}})

nsg(rules) := fx.nsg(fx.sub_a, "nsg-app", rules, {})

test_denying_ssh_and_rdp_outbound_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg([outbound("deny-mgmt", "Deny", 3000, ["22", "3389"])])])
}

test_default_rules_only_fail if {
	n := nsg([])
	some f in rule.deny with input as fx.snapshot([n])
	f.evidence.ports == [22, 3389]
}

test_an_allow_before_the_deny_fails if {
	n := nsg([outbound("allow-ssh", "Allow", 100, ["22"]), outbound("deny-mgmt", "Deny", 3000, ["22", "3389"])])
	some f in rule.deny with input as fx.snapshot([n])
	f.evidence.ports == [22]
}

test_unknown_outbound_rules_are_unknown if {
	n := nsg([outbound("x", "Deny", 100, {"$unknown": "azurerm_network_security_rule.x.destination_port_ranges"})])
	count(rule.deny) == 0 with input as fx.iac([n])
	fx.ids(rule.unknown) == {lower(n.id)} with input as fx.iac([n])
}
