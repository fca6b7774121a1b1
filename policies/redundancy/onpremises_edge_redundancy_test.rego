package erguard.rules.redundancy.onpremises_edge_redundancy_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.onpremises_edge_redundancy as rule

# Attestation only: the rule never decides by itself, whatever the snapshot holds.
test_the_snapshot_never_settles_it if {
	not rule.deny with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
	not rule.unknown with input as fx.snapshot([fx.circuit(fx.sub_a, "er-1", {})])
}
