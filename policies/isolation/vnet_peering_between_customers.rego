# METADATA
# title: Virtual network peering stays within one customer
# description: |
#   Peering joins two virtual networks into one routing domain. Between networks of two
#   customers it bypasses every per-customer boundary the CSP built (separate subscriptions,
#   circuits and gateways), and with gateway transit it can even put one customer's network
#   behind the other's ExpressRoute circuit.
# custom:
#   id: CSP-ISO-003
#   severity: critical
#   baseline: isolation
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network has a peering to a virtual network of a different customer.
#   unknown_when: the network is peered with a network in another subscription and the customer of one of them is not known.
#   remediation: Delete the peering between the two customers' networks; share services through Private Link or a firewall-controlled path instead.
#   remediation_examples:
#     arm: |
#       // remove the Microsoft.Network/virtualNetworks/virtualNetworkPeerings resource whose
#       // remoteVirtualNetwork is the other customer's network
#     bicep: |
#       // remove the virtualNetworks/virtualNetworkPeerings resource whose remoteVirtualNetwork
#       // is the other customer's network
#     terraform: |
#       # remove the azurerm_virtual_network_peering whose remote_virtual_network_id is the other
#       # customer's network
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1]
package erguard.rules.isolation.vnet_peering_between_customers

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s of customer %s is peered with networks of other customers: %s", [v.name, owner, concat(", ", foreign)]),
	"evidence": {"customer": owner, "peers": foreign},
} if {
	some v in res.of_type(res.vnet_type)
	owner := customers.of_id(v.id)
	foreign := sort([sprintf("%s (%s)", [res.name_of(p), customers.of_id(p)]) |
		some p in topology.vnet_peers[lower(v.id)]
		customers.of_id(p) != owner
	])
	count(foreign) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("virtual network %s is peered with networks whose customer is not known: %s", [v.name, concat(", ", peers)]),
} if {
	customers.defined
	some v in res.of_type(res.vnet_type)
	not denied[lower(v.id)]
	peers := sort([res.name_of(p) | some p in topology.vnet_peers[lower(v.id)]; customers.undetermined(v.id, p)])
	count(peers) > 0
}

denied contains lower(f.resource) if some f in deny
