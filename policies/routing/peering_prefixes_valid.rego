# METADATA
# title: Peering link subnets are /30s that overlap nothing the circuit reaches
# description: |
#   Each link of a peering needs its own /30 (IPv4) or /126 (IPv6): the first usable address
#   for the edge router, the second for Microsoft's. Two links in one subnet, or a link
#   subnet inside the address space of a virtual network the circuit reaches, make routes to
#   that range ambiguous: traffic meant for the network is sent to the link, or the link
#   becomes unreachable.
# custom:
#   id: ER-PEER-005
#   severity: medium
#   baseline: routing
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: A peering's primary or secondary prefix is not a /30 (or /126), the two overlap, or one overlaps the address space of a virtual network the circuit reaches.
#   unknown_when: a prefix is not known before deployment.
#   remediation: Re-address the peering with two distinct /30s (or /126s) from a range reserved for ExpressRoute links.
#   remediation_examples:
#     arm: |
#       "primaryPeerAddressPrefix": "192.168.100.0/30", "secondaryPeerAddressPrefix": "192.168.100.4/30"
#     bicep: |
#       primaryPeerAddressPrefix: '192.168.100.0/30'
#       secondaryPeerAddressPrefix: '192.168.100.4/30'
#     terraform: |
#       primary_peer_address_prefix   = "192.168.100.0/30"
#       secondary_peer_address_prefix = "192.168.100.4/30"
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-routing#ip-addresses-used-for-peerings
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#routing
#   frameworks:
#     mcsb: [NS-9]
package erguard.rules.routing.peering_prefixes_valid

import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

link_length(p) := 30 if net.family(net.cidr(p)) == 4

link_length(p) := 126 if net.family(net.cidr(p)) == 6

links(peering) := [x |
	some config in [object.get(peering, "properties", {}), object.get(peering, ["properties", "ipv6PeeringConfig"], {})]
	some side in ["primaryPeerAddressPrefix", "secondaryPeerAddressPrefix"]
	x := object.get(config, side, "")
	is_string(x)
	x != ""
]

problems(c) := [msg |
	some p in topology.peerings(c)
	ls := links(p)
	some msg in peering_problems(p.name, ls, lower(c.id))
]

peering_problems(name, ls, circuit) := array.concat(
	array.concat(
		[sprintf("%s link %s is not a /%d", [name, x, link_length(x)]) | some x in ls; net.prefix_length(x) != link_length(x)],
		[sprintf("%s links %s and %s overlap", [name, ls[i], ls[j]]) | some i, j; ls[i]; ls[j]; i < j; net.overlaps(ls[i], ls[j])],
	),
	[sprintf("%s link %s overlaps virtual network %s", [name, x, res.name_of(v)]) |
		some x in ls
		some [v, q] in topology.circuit_vnets_overlapping(circuit, x)
		# one problem per occurrence of the prefix in the network's address space
		some p in topology.vnet_prefixes[v]
		p == q
	],
)

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s has invalid peering link subnets: %s", [c.name, concat("; ", ps)]),
	"evidence": {"problems": ps},
} if {
	some c in res.of_type(res.circuit_type)
	ps := sort(problems(c))
	count(ps) > 0
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the peering link subnets of circuit %s are not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.circuit_type)
	count(problems(c)) == 0
	some p in topology.peerings(c)
	some side in ["primaryPeerAddressPrefix", "secondaryPeerAddressPrefix"]
	values.is_unknown(object.get(p, ["properties", side], ""))
}
