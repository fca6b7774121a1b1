# METADATA
# title: Internet traffic of subnets goes through the network's Azure Firewall
# description: |
#   Where an estate deploys Azure Firewall in a virtual network (or in the hub the network
#   peers with), the firewall only sees the traffic that is routed to it. A workload subnet
#   without a 0.0.0.0/0 route to the firewall reaches the Internet around it: no filtering,
#   no threat intelligence, no log, and with ExpressRoute no way to tell which egress the
#   on-premises side should expect.
# custom:
#   id: FW-005
#   severity: medium
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network hosts an Azure Firewall or is peered with one that does, and one of its subnets (other than the exempt ones) has no route table, or a route table without a 0.0.0.0/0 route to VirtualAppliance.
#   unknown_when: a subnet's route table is not in the snapshot, or its routes are not known before deployment.
#   remediation: Attach a route table with 0.0.0.0/0 → VirtualAppliance (the firewall's private IP) to every workload subnet.
#   remediation_examples:
#     arm: |
#       { "name": "default", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.3.4" } }
#     bicep: |
#       {
#         name: 'default'
#         properties: {
#           addressPrefix: '0.0.0.0/0'
#           nextHopType: 'VirtualAppliance'
#           nextHopIpAddress: firewall.properties.ipConfigurations[0].properties.privateIPAddress
#         }
#       }
#     terraform: |
#       route {
#         name                   = "default"
#         address_prefix         = "0.0.0.0/0"
#         next_hop_type          = "VirtualAppliance"
#         next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
#       }
#   references:
#     - https://learn.microsoft.com/azure/firewall/tutorial-firewall-deploy-portal#create-a-default-route
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     azure-policy: [fc5e4038-4584-4632-8c85-c0448d374b2c]
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.subnet_internet_via_firewall

import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# Virtual networks that host a firewall or are peered with one that does.
protected contains v if some v in topology.firewall_vnets

protected contains v if {
	some v, peers in topology.vnet_peers
	some peer in peers
	topology.firewall_vnets[peer]
}

# The state of each subnet's route: "ok", "missing", or "unknown". The clauses are tried in
# order: a route table in the snapshot decides; an unknown marker on the way to its id, or a
# table outside the snapshot, is unknown (also when the subnet's properties are all unknown).
route_state(s) := table_state(object.get(t, ["properties", "routes"], [])) if {
	t := res.get(s.properties.routeTable)
} else := "unknown" if {
	values.unknown_at(s, ["properties", "routeTable", "id"])
} else := "missing" if {
	object.get(s, ["properties", "routeTable"], null) == null
} else := "unknown" if {
	is_string(s.properties.routeTable.id)
}

table_state(routes) := "ok" if {
	topology.default_route_to(routes, {"virtualappliance"})
} else := "unknown" if {
	values.has_unknown(routes)
} else := "missing"

# The checked (not exempt) subnets of each protected network with the state of their route,
# computed once for the three lookups below.
subnet_states[lower(v.id)] := [[s, route_state(s)] |
	some s in values.list(v, ["properties", "subnets"])
	not values.lc(object.get(s, "name", "")) in nsg.exempt_subnets
] if {
	some v in res.of_type(res.vnet_type)
	protected[lower(v.id)]
}

subnets_in(vid, state) := sort([values.text(s.name) | some [s, st] in subnet_states[vid]; st == state])

deny contains {
	"resource": v.id,
	"message": sprintf("subnets of virtual network %s reach the Internet around its Azure Firewall: %s", [v.name, concat(", ", names)]),
	"evidence": {"subnets": names},
} if {
	some v in res.of_type(res.vnet_type)
	protected[lower(v.id)]
	names := subnets_in(lower(v.id), "missing")
	count(names) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("the default route of subnets of virtual network %s cannot be determined from this source: %s", [v.name, concat(", ", names)]),
} if {
	some v in res.of_type(res.vnet_type)
	protected[lower(v.id)]
	count(subnets_in(lower(v.id), "missing")) == 0
	names := subnets_in(lower(v.id), "unknown")
	count(names) > 0
}
