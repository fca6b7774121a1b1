# METADATA
# title: Traffic meant for the IPsec overlay is not also routed in the clear over ExpressRoute
# description: |
#   An IPsec overlay encrypts "all traffic between on-premises and Azure" only if the
#   on-premises prefixes it protects reach Azure through the tunnel alone. When the
#   ExpressRoute gateway beside the VPN gateway also learns those prefixes over the circuit,
#   Azure prefers the ExpressRoute route and the traffic flows unencrypted, with the tunnel
#   up and idle. On-premises should advertise over ExpressRoute only the VPN device's own
#   address, and the protected prefixes through the tunnel.
# custom:
#   id: CSP-ENC-002
#   severity: high
#   baseline: encryption
#   resource_types: [microsoft.network/virtualnetworkgateways, microsoft.network/localnetworkgateways]
#   fails_when: A VPN gateway with a private IP terminates IPsec connections over private peering, and an ExpressRoute gateway in the same virtual network has learned over BGP a route that overlaps an on-premises prefix of those connections' local network gateways (routes that contain the VPN device's address are the tunnel's own path and do not count).
#   unknown_when: the ExpressRoute gateway's learned routes are not in the snapshot (collect with --runtime), or a local network gateway of the overlay is not in the snapshot.
#   remediation: Filter the on-premises advertisements on the ExpressRoute private peering so that only the VPN devices' addresses are sent over the circuit, and advertise the protected prefixes through the IPsec tunnels.
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/site-to-site-vpn-private-peering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-ipsec-transport-private-windows
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.ipsec_overlay_bypassed

import data.erguard.lib.encryption
import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# The local network gateways (lower-case ids) of an overlay gateway's overlay connections.
overlay_sites(gw) := {res.ref_id(c.properties.localNetworkGateway2) |
	some conn in topology.gateway_connections[gw]
	encryption.overlay_connections[conn]
	c := res.by_id[conn]
	res.ref_id(c.properties.localNetworkGateway2)
}

# The ExpressRoute gateways beside an overlay gateway.
er_neighbours(gw) := {other |
	some other in topology.vnet_gateways[topology.gateway_vnet[gw]]
	topology.is_er_gateway(res.by_id[other])
}

# Routes an ExpressRoute gateway learned over BGP.
bgp_routes(er) := [r |
	some r in values.list(res.by_id[er], ["runtime", "learnedRoutes"])
	values.lc(object.get(r, "origin", "")) in {"ebgp", "ibgp"}
]

leaks(gw) := sort([sprintf("%s (learned by %s, protected for %s)", [r.network, res.name_of(er), res.name_of(site)]) |
	some site in overlay_sites(gw)
	lng := res.by_id[site]
	device := object.get(lng, ["properties", "gatewayIpAddress"], "")
	some er in er_neighbours(gw)
	some r in bgp_routes(er)
	some p in values.list(lng, ["properties", "localNetworkAddressSpace", "addressPrefixes"])
	net.overlaps(r.network, p)
	not net.within(r.network, device)
])

deny contains {
	"resource": g.id,
	"message": sprintf("prefixes protected by the IPsec overlay of VPN gateway %s are also routed in the clear over ExpressRoute: %s", [g.name, concat(", ", ls)]),
	"evidence": {"routes": ls},
} if {
	some id in encryption.overlay_gateways
	g := res.by_id[id]
	ls := leaks(id)
	count(ls) > 0
}

unknown contains {
	"resource": g.id,
	"message": sprintf("whether the IPsec overlay of VPN gateway %s is bypassed over ExpressRoute cannot be told: %s", [g.name, concat("; ", gaps)]),
} if {
	some id in encryption.overlay_gateways
	g := res.by_id[id]
	count(leaks(id)) == 0
	gaps := array.concat(
		[sprintf("no learned routes for %s", [res.name_of(er)]) | some er in er_neighbours(id); not is_array(object.get(res.by_id[er], ["runtime", "learnedRoutes"], null))],
		[sprintf("local network gateway %s not in the snapshot", [res.name_of(s)]) | some s in overlay_sites(id); not res.by_id[s]],
	)
	count(gaps) > 0
}
