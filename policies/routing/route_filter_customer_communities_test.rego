package erguard.rules.routing.route_filter_customer_communities_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.route_filter_customer_communities as rule

approved := {"contoso": {"approved_communities": ["12076:5010"]}}

circuit := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [fx.microsoft_peering({"properties": {"routeFilter": {"id": fx.route_filter_id(fx.sub_a, "rf")}}})]}})

test_approved_communities_pass if {
	f := fx.route_filter(fx.sub_a, "rf", ["12076:5010"], {})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [circuit, f]) with data.erguard.config.customers as approved
}

test_a_community_the_customer_did_not_approve_fails if {
	f := fx.route_filter(fx.sub_a, "rf", ["12076:5010", "12076:5040"], {})
	fx.ids(rule.deny) == {lower(f.id)} with input as fx.snapshot_for(fx.customers, [circuit, f]) with data.erguard.config.customers as approved
}

test_filters_of_customers_without_a_list_pass if {
	f := fx.route_filter(fx.sub_a, "rf", ["12076:5040"], {})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [circuit, f])
}
