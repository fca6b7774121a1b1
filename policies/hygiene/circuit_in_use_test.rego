package erguard.rules.hygiene.circuit_in_use_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.circuit_in_use as rule

circuit := fx.circuit(fx.sub_a, "er-1", {})

test_a_connected_circuit_passes if {
	conn := fx.connection(fx.sub_a, "conn", fx.gateway_id(fx.sub_a, "ergw"), circuit.id, {})
	count(rule.deny) == 0 with input as fx.snapshot([circuit, conn])
}

test_an_orphaned_circuit_fails if {
	fx.ids(rule.deny) == {lower(circuit.id)} with input as fx.snapshot([circuit])
}
