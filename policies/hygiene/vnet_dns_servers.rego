# METADATA
# title: Virtual network with custom DNS names at least two servers
# description: |
#   Hybrid estates often point their virtual networks at DNS servers on-premises or in the
#   hub, reached over ExpressRoute. With a single custom DNS server every name resolution in
#   the network depends on one machine (and, when it is on-premises, on the circuit), so a
#   reboot or a link failure stops every workload that resolves a name.
# custom:
#   id: VNET-006
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: The virtual network lists exactly one custom DNS server.
#   unknown_when: the DNS servers are not known before deployment.
#   remediation: Configure at least two DNS servers (or Azure DNS Private Resolver inbound endpoints in two zones).
#   remediation_examples:
#     arm: |
#       "dhcpOptions": { "dnsServers": [ "10.0.5.4", "10.0.5.5" ] }
#     bicep: |
#       dhcpOptions: {
#         dnsServers: [ '10.0.5.4', '10.0.5.5' ]
#       }
#     terraform: |
#       dns_servers = ["10.0.5.4", "10.0.5.5"]
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances#specify-dns-servers
#   frameworks:
#     psrule: [Azure.VNET.SingleDNS]
#     checkov: [CKV_AZURE_182]
package erguard.rules.hygiene.vnet_dns_servers

import data.erguard.lib.resources as res
import data.erguard.lib.values

servers(v) := object.get(v, ["properties", "dhcpOptions", "dnsServers"], [])

deny contains {
	"resource": v.id,
	"message": sprintf("virtual network %s resolves names through the single DNS server %s", [v.name, servers(v)[0]]),
	"evidence": {"dnsServers": servers(v)},
} if {
	some v in res.of_type(res.vnet_type)
	is_array(servers(v))
	not values.has_unknown(servers(v))
	count(servers(v)) == 1
}

unknown contains {
	"resource": v.id,
	"message": sprintf("the DNS servers of virtual network %s are not known before deployment", [v.name]),
} if {
	some v in res.of_type(res.vnet_type)
	values.has_unknown(servers(v))
}
