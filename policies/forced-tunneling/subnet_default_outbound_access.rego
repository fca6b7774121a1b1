# METADATA
# title: Subnets have default outbound access turned off
# description: |
#   Default outbound access gives machines without a public IP, NAT gateway or load balancer
#   an implicit, Microsoft-owned Internet address. It is an egress path nobody configured:
#   not on any route table, not through any firewall, and not what a customer who expects
#   its traffic to stay on ExpressRoute expects. Microsoft is retiring it; turn it off with
#   private subnets and give egress an explicit path.
# custom:
#   id: VNET-007
#   severity: low
#   baseline: forced-tunneling
#   resource_types: [microsoft.network/virtualnetworks]
#   fails_when: A subnet (other than the exempt ones) has defaultOutboundAccess true, or, in a live snapshot, does not set it (older subnets default to access).
#   unknown_when: a template or plan leaves the setting out (its default depends on the API version) or it is not known before deployment.
#   remediation: Make the subnets private (defaultOutboundAccess false) and provide egress explicitly through a NAT gateway, a firewall or the forced-tunneling default route.
#   remediation_examples:
#     arm: |
#       { "name": "app", "properties": { "addressPrefix": "10.1.0.0/24", "defaultOutboundAccess": false } }
#     bicep: |
#       {
#         name: 'app'
#         properties: {
#           addressPrefix: '10.1.0.0/24'
#           defaultOutboundAccess: false
#         }
#       }
#     terraform: |
#       resource "azurerm_subnet" "app" {
#         default_outbound_access_enabled = false
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#security
#   frameworks:
#     mcsb: [NS-3]
package erguard.rules.forced_tunneling.subnet_default_outbound_access

import data.erguard.lib.nsg
import data.erguard.lib.resources as res
import data.erguard.lib.values

# How a subnet reaches the Internet by default: "open" (defaultOutboundAccess true, or unset in
# a live snapshot, where older subnets default to access), "undecided" (not known before
# deployment, or unset in a template or plan, whose default depends on the API version), or
# undefined (closed).
outbound(s) := "open" if {
	object.get(s, ["properties", "defaultOutboundAccess"], null) == true
} else := unset if {
	object.get(s, ["properties", "defaultOutboundAccess"], null) == null
} else := "undecided" if {
	values.is_unknown(object.get(s, ["properties", "defaultOutboundAccess"], null))
}

# The state of a subnet that leaves the setting out.
unset := "undecided" if res.iac else := "open"

subnets(v) := [s | some s in values.list(v, ["properties", "subnets"]); not values.lc(object.get(s, "name", "")) in nsg.exempt_subnets]

deny contains {
	"resource": v.id,
	"message": sprintf("subnets of virtual network %s have default outbound access: %s", [v.name, concat(", ", names)]),
	"evidence": {"subnets": names},
} if {
	some v in res.of_type(res.vnet_type)
	names := sort([values.text(s.name) | some s in subnets(v); outbound(s) == "open"])
	count(names) > 0
}

unknown contains {
	"resource": v.id,
	"message": sprintf("whether subnets of virtual network %s have default outbound access is not known from this source: %s", [v.name, concat(", ", names)]),
} if {
	some v in res.of_type(res.vnet_type)
	count([s | some s in subnets(v); outbound(s) == "open"]) == 0
	names := sort([values.text(object.get(s, "name", "?")) | some s in subnets(v); outbound(s) == "undecided"])
	count(names) > 0
}
