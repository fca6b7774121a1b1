package erguard.rules.redundancy.peering_distinct_edge_ports_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.peering_distinct_edge_ports as rule

test_links_on_two_ports_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
}

test_links_on_one_port_fail if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [object.union(fx.private_peering, {"properties": {"secondaryAzurePort": "AMS-ER-CIS-1-PRI-A"}})]}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_a_template_is_unknown if {
	c := fx.circuit(fx.sub_a, "er-1", {})
	count(rule.deny) == 0 with input as fx.iac([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
