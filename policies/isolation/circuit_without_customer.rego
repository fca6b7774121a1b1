# METADATA
# title: Every circuit belongs to a known customer
# description: |
#   The CSP model attaches each ExpressRoute circuit to exactly one customer subscription.
#   When the estate lists its customers, a circuit in a subscription no customer owns (and
#   without a customer tag) cannot be attributed: nobody's isolation, encryption or forced
#   tunneling requirements are checked for it, and it may be a circuit the CSP shares between
#   customers. Without a customer list there is nothing to attribute, and the check passes.
# custom:
#   id: CSP-ISO-007
#   severity: medium
#   baseline: isolation
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The snapshot lists customers, and neither the circuit's subscription nor its customer tag names one.
#   remediation: Add the circuit's subscription to the customer it serves (customers.yaml at collection), or tag the circuit with erguard-customer; move a circuit that serves several customers to one circuit per customer.
#   remediation_examples:
#     arm: |
#       "tags": { "erguard-customer": "contoso" }
#     bicep: |
#       tags: {
#         'erguard-customer': 'contoso'
#       }
#     terraform: |
#       tags = {
#         "erguard-customer" = "contoso"
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#     - https://learn.microsoft.com/azure/expressroute/expressroute-workflows
#   frameworks:
#     mcsb: [AM-2]
package erguard.rules.isolation.circuit_without_customer

import data.erguard.lib.customers
import data.erguard.lib.resources as res

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s belongs to no known customer (subscription %s)", [c.name, res.subscription_of_id(c.id)]),
	"evidence": {"subscription": res.subscription_of_id(c.id)},
} if {
	customers.defined
	some c in res.of_type(res.circuit_type)
	not customers.of_id(c.id)
}
