package erguard.rules.redundancy.port_links_enabled_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.port_links_enabled as rule

test_two_enabled_links_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.port(fx.sub_a, "port-1", {})])
}

test_a_disabled_link_fails if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "r1", {}), fx.link("link2", "r2", {"properties": {"adminState": "Disabled"}})]}})
	some f in rule.deny with input as fx.snapshot([p])
	f.evidence.links == ["link2"]
}

test_a_single_link_fails if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "r1", {})]}})
	fx.ids(rule.deny) == {lower(p.id)} with input as fx.snapshot([p])
}

test_an_unknown_admin_state_is_unknown if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "r1", {}), fx.link("link2", "r2", {"properties": {"adminState": {"$unknown": "azurerm_express_route_port.p.link2.admin_enabled"}}})]}})
	fx.ids(rule.unknown) == {lower(p.id)} with input as fx.iac([p])
}
