package erguard.rules.hygiene.route_table_associated_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.route_table_associated as rule

table := fx.route_table(fx.sub_a, "rt-app", [], {})

test_an_associated_table_passes if {
	v := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [fx.subnet(fx.sub_a, "spoke", "app", "10.1.0.0/24", {"properties": {"routeTable": {"id": table.id}}})], {})
	count(rule.deny) == 0 with input as fx.snapshot([v, table])
}

test_an_unassociated_table_fails if {
	fx.ids(rule.deny) == {lower(table.id)} with input as fx.snapshot([table])
}
