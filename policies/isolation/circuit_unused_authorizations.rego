# METADATA
# title: ExpressRoute circuit has no unredeemed authorizations
# description: |
#   An authorization key lets anyone who holds it link a virtual network, in any subscription
#   and tenant, to the circuit. A key issued and never redeemed (authorizationUseStatus
#   Available) is a standing invitation into the circuit's routing domain: in a CSP estate,
#   the way one customer's network could be attached to another's circuit. Issue keys just
#   before use and delete the ones not used.
# custom:
#   id: ER-CIRCUIT-007
#   severity: high
#   baseline: isolation
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: An authorization of the circuit has authorizationUseStatus Available (issued, not redeemed).
#   unknown_when: the circuit declares authorizations whose use status (read-only, known only once deployed) is absent.
#   remediation: Delete authorizations that are not redeemed, and issue a new one only when a connection is about to be created with it.
#   remediation_examples:
#     arm: |
#       // remove the unused Microsoft.Network/expressRouteCircuits/authorizations resource
#       // from the template and delete it from the circuit:
#       // az network express-route auth delete -g rg --circuit-name er-1 -n unused-auth
#     bicep: |
#       // remove the unused authorization resource from the template, then delete it:
#       // az network express-route auth delete -g rg --circuit-name er-1 -n unused-auth
#     terraform: |
#       # remove the azurerm_express_route_circuit_authorization block that no connection uses
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-linkvnet-arm#connect-a-virtual-network-in-a-different-subscription-to-a-circuit
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1, PA-1]
package erguard.rules.isolation.circuit_unused_authorizations

import data.erguard.lib.resources as res
import data.erguard.lib.values

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s has unredeemed authorizations: %s", [c.name, concat(", ", sort(names))]),
	"evidence": {"authorizations": names},
} if {
	some c in res.of_type(res.circuit_type)
	names := [values.text(a.name) | some a in values.list(c, ["properties", "authorizations"]); object.get(a, ["properties", "authorizationUseStatus"], "") == "Available"]
	count(names) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("circuit %s declares authorizations whose use status is known only once deployed: %s", [c.name, concat(", ", sort(names))]),
} if {
	some c in res.of_type(res.circuit_type)
	every a in object.get(c, ["properties", "authorizations"], []) {
		object.get(a, ["properties", "authorizationUseStatus"], "") != "Available"
	}
	names := [values.text(object.get(a, "name", "?")) | some a in values.list(c, ["properties", "authorizations"]); not is_string(object.get(a, ["properties", "authorizationUseStatus"], null))]
	count(names) > 0
}
