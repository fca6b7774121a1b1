package erguard.rules.hygiene.route_filter_attached_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.route_filter_attached as rule

filter := fx.route_filter(fx.sub_a, "rf", ["12076:5010"], {})

test_a_filter_used_by_a_peering_passes if {
	c := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.microsoft_peering({"properties": {"routeFilter": {"id": filter.id}}})]}})
	count(rule.deny) == 0 with input as fx.snapshot([c, filter])
}

test_a_filter_listing_its_peerings_passes if {
	f := fx.route_filter(fx.sub_a, "rf", ["12076:5010"], {"properties": {"peerings": [{"id": "x"}]}})
	count(rule.deny) == 0 with input as fx.snapshot([f])
}

test_an_unattached_filter_fails if {
	fx.ids(rule.deny) == {lower(filter.id)} with input as fx.snapshot([filter])
}
