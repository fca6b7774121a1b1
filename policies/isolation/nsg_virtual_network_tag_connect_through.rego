# METADATA
# title: Connect-through customer's NSGs do not admit the VirtualNetwork tag
# description: |
#   The VirtualNetwork service tag covers the virtual network's address space, its peered
#   networks, and every on-premises prefix the gateway learns over ExpressRoute. In the
#   connect-through model that "on-premises" is the CSP's network, which carries the traffic
#   of all its customers: an inbound rule allowing VirtualNetwork admits whatever the CSP
#   network routes, other customers included. Name the customer's own prefixes instead.
# custom:
#   id: CSP-ISO-008
#   severity: high
#   baseline: isolation
#   resource_types: [microsoft.network/networksecuritygroups]
#   fails_when: The NSG belongs to a connect-through customer, is associated with a subnet of a virtual network reached through an ExpressRoute circuit, and has an inbound Allow rule whose source is the VirtualNetwork tag.
#   remediation: Replace the VirtualNetwork source with the customer's own address prefixes (its virtual networks and its on-premises ranges, see customers.<name>.onpremises_prefixes).
#   remediation_examples:
#     arm: |
#       "sourceAddressPrefixes": [ "10.20.0.0/16", "172.20.0.0/16" ]
#     bicep: |
#       sourceAddressPrefixes: [
#         '10.20.0.0/16'
#         '172.20.0.0/16'
#       ]
#     terraform: |
#       source_address_prefixes = ["10.20.0.0/16", "172.20.0.0/16"]
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.nsg_virtual_network_tag_connect_through

import data.erguard.lib.customers
import data.erguard.lib.net
import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

deny contains {
	"resource": n.id,
	"message": sprintf("NSG %s of connect-through customer %s admits the VirtualNetwork tag, which includes the CSP network, in rules: %s", [n.name, owner, concat(", ", rules)]),
	"evidence": {"customer": owner, "rules": rules},
} if {
	some n in res.of_type(res.nsg_type)
	topology.circuit_nsgs[lower(n.id)]
	owner := customers.of_id(n.id)
	customers.model(owner) == "connect-through"
	rules := sort([values.text(r.name) |
		some r in nsg.inbound_allow_rules(lower(n.id))
		some p in array.concat([object.get(r, ["properties", "sourceAddressPrefix"], "")], net.list_of(object.get(r, ["properties", "sourceAddressPrefixes"], [])))
		values.lc(p) == "virtualnetwork"
	])
	count(rules) > 0
}
