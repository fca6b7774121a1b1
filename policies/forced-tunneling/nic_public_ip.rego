# METADATA
# title: Network interfaces of a forced-tunneling customer have no public IP
# description: |
#   A public IP address on a network interface gives the machine its own path to and from the
#   Internet: inbound connections arrive directly, and replies leave through Azure's edge
#   instead of following the forced tunnel on-premises. Forced tunneling only holds when
#   nothing in the customer's networks has its own Internet address.
# custom:
#   id: CSP-FT-004
#   severity: high
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/networkinterfaces]
#   fails_when: A network interface of a customer that requires forced tunneling has an IP configuration with a publicIPAddress.
#   unknown_when: an IP configuration's public IP is not known before deployment.
#   remediation: Remove the public IP from the interface; publish services through a load balancer or firewall on the customer's controlled path, and reach machines privately.
#   remediation_examples:
#     arm: |
#       "ipConfigurations": [ { "name": "ipconfig1", "properties": { "subnet": { "id": "[variables('subnetId')]" }, "privateIPAllocationMethod": "Dynamic" } } ]
#     bicep: |
#       ipConfigurations: [
#         {
#           name: 'ipconfig1'
#           properties: {
#             subnet: { id: subnetId }
#             privateIPAllocationMethod: 'Dynamic'
#           }
#         }
#       ]
#     terraform: |
#       ip_configuration {
#         name                          = "ipconfig1"
#         subnet_id                     = azurerm_subnet.app.id
#         private_ip_address_allocation = "Dynamic"
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/ip-services/virtual-network-network-interface-addresses
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-1, NS-3]
package erguard.rules.forced_tunneling.nic_public_ip

import data.erguard.lib.customers
import data.erguard.lib.resources as res
import data.erguard.lib.values

required[lower(nic.id)] := nic if {
	some nic in res.of_type(res.nic_type)
	customers.requirements_of_id(nic.id).forced_tunneling == true
}

deny contains {
	"resource": nic.id,
	"message": sprintf("network interface %s of a forced-tunneling customer has a public IP: %s", [nic.name, concat(", ", ips)]),
	"evidence": {"publicIPAddresses": ips},
} if {
	some nic in required
	ips := sort([ip.id |
		some c in values.list(nic, ["properties", "ipConfigurations"])
		ip := object.get(c, ["properties", "publicIPAddress"], null)
		is_string(ip.id)
	])
	count(ips) > 0
}

unknown contains {
	"resource": nic.id,
	"message": sprintf("whether network interface %s has a public IP is not known before deployment", [nic.name]),
} if {
	some nic in required
	not denied[lower(nic.id)]
	some c in values.list(nic, ["properties", "ipConfigurations"])
	values.unknown_at(c, ["properties", "publicIPAddress", "id"])
}

denied contains lower(f.resource) if some f in deny
