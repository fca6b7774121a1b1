# METADATA
# title: Zone-redundant VPN gateway uses zone-redundant public IPs
# description: |
#   A zone-redundant VPN gateway places its instances according to its public IPs: with a
#   zonal or non-zonal public IP all instances land in one zone (or none), and the AZ SKU
#   buys nothing. Each of its public IPs must be a Standard SKU address in all three zones.
# custom:
#   id: VNG-005
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways, microsoft.network/publicipaddresses]
#   fails_when: A VPN gateway with an AZ SKU uses a public IP that is not Standard SKU or lists fewer than three zones.
#   unknown_when: a public IP of the gateway is not in the snapshot, or its zones are not known before deployment.
#   remediation: Recreate the gateway's public IPs as Standard SKU, zone-redundant (zones 1, 2, 3) addresses.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2024-05-01", "name": "vpngw-pip1",
#         "location": "westeurope", "sku": { "name": "Standard" }, "zones": [ "1", "2", "3" ],
#         "properties": { "publicIPAllocationMethod": "Static" } }
#     bicep: |
#       resource pip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
#         name: 'vpngw-pip1'
#         location: location
#         sku: { name: 'Standard' }
#         zones: [ '1', '2', '3' ]
#         properties: { publicIPAllocationMethod: 'Static' }
#       }
#     terraform: |
#       resource "azurerm_public_ip" "vpngw1" {
#         sku               = "Standard"
#         allocation_method = "Static"
#         zones             = ["1", "2", "3"]
#       }
#   references:
#     - https://learn.microsoft.com/azure/vpn-gateway/about-zone-redundant-vnet-gateways
#   frameworks:
#     psrule: [Azure.PublicIP.AvailabilityZone]
#     aprl: [4bae5a28-5cf4-40d9-bcf1-623d28f6d917]
package erguard.rules.redundancy.vpn_gateway_public_ip_zones

import data.erguard.lib.gateways
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

az_gateways[lower(gw.id)] := gw if {
	some gw in res.of_type(res.gateway_type)
	topology.is_vpn_gateway(gw)
	endswith(lower(gateways.sku(gw)), "az")
}

weak(ip) if values.lc(object.get(ip, ["sku", "name"], "basic")) != "standard"

weak(ip) if {
	zones := object.get(ip, "zones", [])
	is_array(zones)
	count(zones) < 3
}

deny contains {
	"resource": gw.id,
	"message": sprintf("zone-redundant VPN gateway %s uses public IPs that are not zone-redundant: %s", [gw.name, concat(", ", names)]),
	"evidence": {"publicIPAddresses": names},
} if {
	some gw in az_gateways
	names := sort([res.name_of(id) | some id in gateways.public_ips(gw); ip := res.by_id[id]; not values.has_unknown(ip); weak(ip)])
	count(names) > 0
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("public IPs of VPN gateway %s are not in this snapshot or not known before deployment: %s", [gw.name, concat(", ", names)]),
} if {
	some gw in az_gateways
	not denied[lower(gw.id)]
	names := sort([res.name_of(id) | some id in gateways.public_ips(gw); undetermined(id)])
	count(names) > 0
}

undetermined(id) if not res.by_id[id]

undetermined(id) if values.has_unknown([res.by_id[id].sku, object.get(res.by_id[id], "zones", [])])

denied contains lower(f.resource) if some f in deny
