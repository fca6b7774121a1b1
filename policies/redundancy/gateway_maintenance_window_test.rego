package erguard.rules.redundancy.gateway_maintenance_window_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.gateway_maintenance_window as rule

gw := fx.gateway(fx.sub_a, "ergw", "hub", {})

other := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn"}})

assignment(target) := fx.resource(fx.sub_a, "Microsoft.Maintenance/configurationAssignments", "window", {"id": concat("/", [target, "providers/Microsoft.Maintenance/configurationAssignments/window"]), "properties": {"resourceId": target}})

test_an_assigned_gateway_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([gw, assignment(upper(gw.id))])
}

test_a_gateway_without_assignment_fails if {
	fx.ids(rule.deny) == {lower(other.id)} with input as fx.snapshot([gw, other, assignment(gw.id)])
}

test_without_any_assignment_in_the_snapshot_it_is_unknown if {
	count(rule.deny) == 0 with input as fx.snapshot([gw])
	fx.ids(rule.unknown) == {lower(gw.id)} with input as fx.snapshot([gw])
}
