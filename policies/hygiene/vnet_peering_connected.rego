# METADATA
# title: Virtual network peerings are connected
# description: |
#   A peering is only in force when both sides exist and its state is Connected. A peering
#   left Initiated (the other side never created) or Disconnected (the other side deleted)
#   breaks hub-and-spoke routing to ExpressRoute for the spoke, while the configuration
#   still suggests it works.
# custom:
#   id: VNET-003
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: A peering of the virtual network has a peeringState other than Connected.
#   unknown_when: the states are absent (read-only, so a template or plan never holds them).
#   remediation: Create (or re-create) the peering on the remote side, or delete the stale peering.
#   remediation_examples:
#     arm: |
#       // create the remote side: Microsoft.Network/virtualNetworks/virtualNetworkPeerings on the other network
#       "properties": { "remoteVirtualNetwork": { "id": "[parameters('spokeId')]" }, "allowVirtualNetworkAccess": true }
#     bicep: |
#       // create the remote side on the other network
#       properties: {
#         remoteVirtualNetwork: { id: spokeId }
#         allowVirtualNetworkAccess: true
#       }
#     terraform: |
#       resource "azurerm_virtual_network_peering" "hub_to_spoke" {
#         remote_virtual_network_id    = azurerm_virtual_network.spoke.id
#         allow_virtual_network_access = true
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering#requirements-and-constraints
#   frameworks:
#     psrule: [Azure.VNET.PeerState]
package erguard.rules.hygiene.vnet_peering_connected

import data.erguard.lib.resources as res

peerings(v) := object.get(v, ["properties", "virtualNetworkPeerings"], [])

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s has peerings that are not connected: %s", [v.name, concat(", ", bad)]),
	"evidence": {"peerings": bad},
} if {
	some v in res.of_type(res.vnet_type)
	bad := sort([sprintf("%s (%s)", [p.name, p.properties.peeringState]) |
		some p in peerings(v)
		is_string(p.properties.peeringState)
		p.properties.peeringState != "Connected"
	])
	count(bad) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("the peering states of virtual network %s are read-only and not in this source", [v.name]),
} if {
	some v in res.of_type(res.vnet_type)
	some p in peerings(v)
	not is_string(object.get(p, ["properties", "peeringState"], null))
}
