# METADATA
# title: Circuit carries the encryption its customer requires
# description: |
#   A dedicated circuit is still carried on a provider's network, where an intruder or the
#   provider can inspect packets (the seed's fourth baseline). Each customer chooses a
#   control (customers.<name>.encryption): an IPsec tunnel-mode overlay for all traffic
#   between on-premises and Azure, MACsec on ExpressRoute Direct, or either (any). This
#   check confirms the chosen control exists for every circuit of the customer. Customers
#   with encryption none, or firewall (checked by CSP-ENC-003), pass.
# custom:
#   id: CSP-ENC-001
#   severity: high
#   baseline: encryption
#   resource_types: [microsoft.network/expressroutecircuits]
#   fails_when: The circuit's customer requires ipsec and no VPN gateway with a private IP, with IPsec connections over private peering (useLocalAzureIpAddress), shares a virtual network with the circuit's ExpressRoute gateway; or requires macsec and the circuit is not on an ExpressRoute Direct port whose links all use MACsec; or requires any and neither holds.
#   unknown_when: the circuit is on a Direct port the snapshot does not hold, or reaches Azure only through Virtual WAN hubs (whose VPN gateways the snapshot does not describe).
#   remediation: Add the control the customer requires, either an IPsec overlay over private peering (a VPN gateway with private IP enabled, connections with useLocalAzureIpAddress and the on-premises device peering with that private IP), or MACsec on the circuit's ExpressRoute Direct port; or record a different requirement for the customer.
#   remediation_examples:
#     arm: |
#       // the VPN gateway beside the ExpressRoute gateway
#       "properties": { "gatewayType": "Vpn", "enablePrivateIpAddress": true }
#       // its connection to the on-premises device, over private peering
#       "properties": { "connectionType": "IPsec", "useLocalAzureIpAddress": true }
#     bicep: |
#       // the VPN gateway beside the ExpressRoute gateway
#       properties: {
#         gatewayType: 'Vpn'
#         enablePrivateIpAddress: true
#       }
#       // its connection to the on-premises device, over private peering
#       properties: {
#         connectionType: 'IPsec'
#         useLocalAzureIpAddress: true
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway" "vpn" {
#         type                       = "Vpn"
#         private_ip_address_enabled = true
#       }
#       resource "azurerm_virtual_network_gateway_connection" "overlay" {
#         type                           = "IPsec"
#         local_azure_ip_address_enabled = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/site-to-site-vpn-private-peering
#     - https://learn.microsoft.com/azure/expressroute/expressroute-howto-macsec
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3, NS-9]
package erguard.rules.encryption.circuit_encryption_required

import data.erguard.lib.customers
import data.erguard.lib.encryption
import data.erguard.lib.resources as res
import data.erguard.lib.topology

requirement(c) := customers.requirements_of_id(c.id).encryption

ipsec(id) if encryption.circuit_ipsec[id]

macsec(id) if encryption.circuit_macsec[id]

has_ipsec(id) := true if ipsec(id)

else := false

has_macsec(id) := true if macsec(id)

else := false

met(id, "ipsec") if ipsec(id)

met(id, "macsec") if macsec(id)

met(id, "any") if ipsec(id)

met(id, "any") if macsec(id)

# Evidence the snapshot lacks: a Direct port it does not hold, or only Virtual WAN paths.
undeterminable(id, kind) if {
	kind in {"macsec", "any"}
	port := topology.circuit_port[id]
	not res.by_id[port]
}

undeterminable(id, kind) if {
	kind in {"ipsec", "any"}
	topology.circuit_hubs[id]
	not topology.circuit_gateways[id]
}

deny contains {
	"resource": c.id,
	"message": sprintf("circuit %s of customer %s lacks the %s encryption the customer requires", [c.name, customers.of_id(c.id), kind]),
	"evidence": {"requirement": kind, "ipsecOverlay": has_ipsec(lower(c.id)), "macsec": has_macsec(lower(c.id))},
} if {
	some c in res.of_type(res.circuit_type)
	kind := requirement(c)
	kind in {"ipsec", "macsec", "any"}
	not met(lower(c.id), kind)
	not undeterminable(lower(c.id), kind)
}

unknown contains {
	"resource": c.id,
	"message": sprintf("whether circuit %s carries the %s encryption its customer requires cannot be told from this snapshot", [c.name, kind]),
} if {
	some c in res.of_type(res.circuit_type)
	kind := requirement(c)
	kind in {"ipsec", "macsec", "any"}
	not met(lower(c.id), kind)
	undeterminable(lower(c.id), kind)
}
