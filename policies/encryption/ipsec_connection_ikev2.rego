# METADATA
# title: IPsec connection uses IKEv2
# description: |
#   IKEv1 is the older key exchange: fewer protections against denial of service and
#   reflection, no built-in NAT traversal or liveness check, and limited algorithm choice.
#   IPsec tunnels that encrypt traffic over or alongside ExpressRoute should negotiate with
#   IKEv2 (Azure's default) unless an old on-premises device forces otherwise.
# custom:
#   id: VNG-008
#   severity: medium
#   baseline: encryption
#   resource_types: [microsoft.network/connections]
#   fails_when: An IPsec connection's connectionProtocol (IKEv2 when absent) is not in encryption.ike_protocols.
#   unknown_when: the protocol is not known before deployment.
#   remediation: Set connectionProtocol to IKEv2 and configure the on-premises device accordingly.
#   remediation_examples:
#     arm: |
#       "properties": { "connectionType": "IPsec", "connectionProtocol": "IKEv2" }
#     bicep: |
#       properties: {
#         connectionType: 'IPsec'
#         connectionProtocol: 'IKEv2'
#       }
#     terraform: |
#       resource "azurerm_virtual_network_gateway_connection" "onprem" {
#         type                = "IPsec"
#         connection_protocol = "IKEv2"
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-devices#ipsec
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.ipsec_connection_ikev2

import data.erguard.lib.config
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

allowed := {lower(p) | some p in config.get(["encryption", "ike_protocols"], [])}

deny contains {
	"resource": c.id,
	"message": sprintf("IPsec connection %s negotiates with %s", [c.name, protocol]),
	"evidence": {"connectionProtocol": protocol},
} if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "ipsec"
	protocol := object.get(c, ["properties", "connectionProtocol"], "IKEv2")
	is_string(protocol)
	not lower(protocol) in allowed
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the IKE version of IPsec connection %s is not known before deployment", [c.name]),
} if {
	some c in res.of_type(res.connection_type)
	topology.connection_kind(c) == "ipsec"
	values.is_unknown(object.get(c, ["properties", "connectionProtocol"], null))
}
