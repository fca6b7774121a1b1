package erguard.rules.routing.route_filter_approved_communities_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.route_filter_approved_communities as rule

approved := ["12076:5010", "12076:5100"]

test_approved_communities_pass if {
	f := fx.route_filter(fx.sub_a, "rf", ["12076:5010"], {})
	count(rule.deny) == 0 with input as fx.snapshot([f]) with data.erguard.config.routing.approved_communities as approved
}

test_an_unapproved_community_fails if {
	f := fx.route_filter(fx.sub_a, "rf", ["12076:5010", "12076:51004"], {})
	some finding in rule.deny with input as fx.snapshot([f]) with data.erguard.config.routing.approved_communities as approved
	finding.evidence.communities == ["12076:51004"]
}

test_without_an_approved_list_everything_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.route_filter(fx.sub_a, "rf", ["12076:51004"], {})])
}

test_unknown_communities_are_unknown if {
	f := fx.route_filter(fx.sub_a, "rf", {"$unknown": "azurerm_route_filter.rf.rule[0].communities"}, {})
	fx.ids(rule.unknown) == {lower(f.id)} with input as fx.iac([f]) with data.erguard.config.routing.approved_communities as approved
}
