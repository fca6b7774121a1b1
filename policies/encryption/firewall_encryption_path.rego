# METADATA
# title: Circuit traffic of a firewall-encryption customer passes an appliance in Azure
# description: |
#   The seed's second encryption option puts firewall appliances at each end of the circuit
#   that encrypt the traffic between them. On the Azure side that only works if traffic
#   arriving from the circuit is steered into the appliance: the GatewaySubnet needs a route
#   table sending the customer's prefixes to a VirtualAppliance next hop. The on-premises
#   half cannot be seen from Azure; record it with an attestation or a design reference.
# custom:
#   id: CSP-ENC-003
#   severity: high
#   baseline: encryption
#   resource_types: [microsoft.network/virtualnetworkgateways]
#   fails_when: An ExpressRoute gateway of a customer whose encryption requirement is firewall sits in a virtual network whose GatewaySubnet has no route table, or one without any VirtualAppliance route.
#   unknown_when: the GatewaySubnet's route table is not in the snapshot, or its routes are not known before deployment.
#   remediation: Attach a route table to GatewaySubnet that sends the workload prefixes to the encrypting appliance's private IP, and keep the on-premises appliance's configuration on record.
#   remediation_examples:
#     arm: |
#       { "name": "to-appliance", "properties": { "addressPrefix": "10.1.0.0/16", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.4.4" } }
#     bicep: |
#       {
#         name: 'to-appliance'
#         properties: {
#           addressPrefix: '10.1.0.0/16'
#           nextHopType: 'VirtualAppliance'
#           nextHopIpAddress: '10.0.4.4'
#         }
#       }
#     terraform: |
#       route {
#         name                   = "to-appliance"
#         address_prefix         = "10.1.0.0/16"
#         next_hop_type          = "VirtualAppliance"
#         next_hop_in_ip_address = "10.0.4.4"
#       }
#   references:
#     - https://learn.microsoft.com/azure/architecture/reference-architectures/dmz/nva-ha
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [DP-3]
package erguard.rules.encryption.firewall_encryption_path

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

required[lower(gw.id)] := gw if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
	customers.requirements_of_id(gw.id).encryption == "firewall"
}

gateway_subnet(gw) := concat("/", [topology.gateway_vnet[lower(gw.id)], "subnets", "gatewaysubnet"])

# "ok", "missing" or "unknown" for the appliance route of a gateway's GatewaySubnet.
state(gw) := "missing" if not topology.subnet_route_table[gateway_subnet(gw)]

state(gw) := "unknown" if {
	rt := topology.subnet_route_table[gateway_subnet(gw)]
	not res.by_id[rt]
}

state(gw) := s if {
	t := res.by_id[topology.subnet_route_table[gateway_subnet(gw)]]
	routes := object.get(t, ["properties", "routes"], [])
	s := routes_state(routes)
}

routes_state(routes) := "ok" if {
	some r in routes
	values.lc(object.get(r, ["properties", "nextHopType"], "")) == "virtualappliance"
} else := "unknown" if values.has_unknown(routes) else := "missing"

deny contains {
	"resource": gw.id,
	"message": sprintf("traffic from the circuit through ExpressRoute gateway %s reaches workloads without passing an appliance, though the customer requires firewall encryption", [gw.name]),
} if {
	some gw in required
	topology.gateway_vnet[lower(gw.id)]
	state(gw) == "missing"
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the GatewaySubnet route table of ExpressRoute gateway %s is not in this snapshot", [gw.name]),
} if {
	some gw in required
	state(gw) == "unknown"
}
