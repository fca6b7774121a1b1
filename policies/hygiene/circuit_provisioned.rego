# METADATA
# title: Circuit is provisioned by its connectivity provider
# description: |
#   A circuit is billed from the moment it is created, but carries traffic only once the
#   provider has provisioned its side (serviceProviderProvisioningState Provisioned). A
#   circuit stuck in NotProvisioned or Provisioning is either a forgotten order or a
#   connection a customer believes exists and does not; one in Deprovisioning should be
#   deleted.
# custom:
#   id: ER-CIRCUIT-003
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's serviceProviderProvisioningState is not Provisioned.
#   unknown_when: the state is absent (it is read-only, so a template or plan never holds it).
#   remediation: Give the service key to the provider to complete provisioning, or delete the circuit (after the provider deprovisions it) if it is no longer needed.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-workflows#expressroute-circuit-provisioning-states
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#connect-through-model
#   frameworks:
#     waf: ["CO:07"]
package erguard.rules.hygiene.circuit_provisioned

import data.erguard.lib.resources as res

state(c) := object.get(c, ["properties", "serviceProviderProvisioningState"], null)

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s is %s by its provider, not Provisioned", [c.name, state(c)]),
	"evidence": {"serviceProviderProvisioningState": state(c)},
} if {
	some c in res.of_type(res.circuit_type)
	is_string(state(c))
	state(c) != "Provisioned"
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the provider provisioning state of circuit %s is read-only and not in this source", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	not is_string(state(c))
}
