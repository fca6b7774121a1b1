# METADATA
# description: |
#   The encryption controls a circuit can have: an IPsec overlay (a VPN gateway with a
#   private IP beside the circuit's ExpressRoute gateway, with tunnels that use it) and MACsec
#   on the ExpressRoute Direct port the circuit runs on.
package erguard.lib.encryption

import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

# IPsec connections that run over private peering: they use the gateway's private IP.
overlay_connections contains lower(c.id) if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "ipsec"
	object.get(c, ["properties", "useLocalAzureIpAddress"], false) == true
}

# VPN gateways with a private IP that terminate such connections.
overlay_gateways contains lower(gw.id) if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	object.get(gw, ["properties", "enablePrivateIpAddress"], false) == true
	some conn in topology.gateway_connections[lower(gw.id)]
	overlay_connections[conn]
}

# Circuits whose ExpressRoute gateway shares its virtual network with an overlay gateway.
circuit_ipsec contains circuit if {
	some circuit, gws in topology.circuit_gateways
	some gw in gws
	some other in topology.vnet_gateways[topology.gateway_vnet[gw]]
	overlay_gateways[other]
}

# True when every link of a port has a MACsec cipher and both secret identifiers.
port_macsec contains lower(p.id) if {
	some p in res.of_type(res.port_type)
	links := object.get(p, ["properties", "links"], [])
	count(links) > 0
	every l in links {
		every f in ["cipher", "cknSecretIdentifier", "cakSecretIdentifier"] {
			values.secret_set(object.get(l, ["properties", "macSecConfig", f], ""))
		}
	}
}

# Circuits on an ExpressRoute Direct port with MACsec.
circuit_macsec contains circuit if {
	some circuit, port in topology.circuit_port
	port_macsec[port]
}
