# METADATA
# title: Connect-through customer has chosen an encryption control
# description: |
#   In the connect-through model a customer's traffic to Azure crosses the CSP's network
#   and then the provider's circuit: two parties besides the customer can see it in the
#   clear. The seed's encryption baseline is optional in general, but for connect-through it
#   is the only protection against the CSP network itself, so the customer's record should
#   name a control (ipsec, macsec, firewall or any) rather than none.
# custom:
#   id: CSP-ENC-004
#   severity: medium
#   baseline: encryption
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's customer uses the connect-through model and its encryption requirement is none.
#   remediation: Agree an encryption control with the customer and record it in erguard.yaml (policy.customers.<name>.encryption), then let CSP-ENC-001 verify it.
#   remediation_examples:
#     arm: |
#       // erguard.yaml, not the template:
#       // policy: { customers: { contoso: { encryption: ipsec } } }
#     bicep: |
#       // erguard.yaml, not the template:
#       // policy: { customers: { contoso: { encryption: ipsec } } }
#     terraform: |
#       # erguard.yaml, not the configuration:
#       # policy: { customers: { contoso: { encryption: ipsec } } }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#connect-through-model
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.connect_through_encryption_chosen

import data.erguard.lib.customers
import data.erguard.lib.resources as res

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s serves connect-through customer %s, whose traffic crosses the CSP network, and no encryption control is required", [c.name, owner]),
	"evidence": {"customer": owner, "model": "connect-through"},
} if {
	some c in res.of_type(res.circuit_type)
	owner := customers.of_id(c.id)
	customers.model(owner) == "connect-through"
	customers.requirements(owner).encryption == "none"
}
