package erguard.rules.redundancy.single_circuit_vpn_backup_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.single_circuit_vpn_backup as rule

ergw := fx.gateway(fx.sub_a, "ergw", "hub", {})

conn(circuit) := fx.connection(fx.sub_a, sprintf("conn-%s", [circuit]), ergw.id, fx.circuit_id(fx.sub_a, circuit), {})

test_a_single_circuit_with_a_vpn_backup_passes if {
	vpn := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn"}})
	count(rule.deny) == 0 with input as fx.snapshot([ergw, vpn, conn("er-1")])
}

test_two_circuits_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([ergw, conn("er-1"), conn("er-2")])
}

test_a_single_circuit_without_backup_fails if {
	fx.ids(rule.deny) == {lower(ergw.id)} with input as fx.snapshot([ergw, conn("er-1")])
}
