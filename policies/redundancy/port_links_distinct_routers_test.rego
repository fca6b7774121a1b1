package erguard.rules.redundancy.port_links_distinct_routers_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.port_links_distinct_routers as rule

test_links_on_two_routers_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.port(fx.sub_a, "port-1", {})])
}

test_links_on_one_router_fail if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "ams-cis-1", {}), fx.link("link2", "AMS-CIS-1", {})]}})
	fx.ids(rule.deny) == {lower(p.id)} with input as fx.snapshot([p])
}

test_links_without_router_names_are_unknown if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [{"name": "link1", "properties": {}}, {"name": "link2", "properties": {}}]}})
	fx.ids(rule.unknown) == {lower(p.id)} with input as fx.iac([p])
}
