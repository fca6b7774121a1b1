package erguard.rules.isolation.wan_hub_shared_between_customers_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.wan_hub_shared_between_customers as rule

hub(vnets) := fx.resource(fx.sub_csp, "Microsoft.Network/virtualHubs", "hub-we", {"properties": {"virtualNetworkConnections": [{"properties": {"remoteVirtualNetwork": {"id": v}}} | some v in vnets]}})

wan_gateway(circuit) := fx.resource(fx.sub_csp, "Microsoft.Network/expressRouteGateways", "ergw-we", {"properties": {
	"virtualHub": {"id": fx.rid(fx.sub_csp, "Microsoft.Network/virtualHubs", "hub-we")},
	"expressRouteConnections": [{"name": "c", "properties": {"expressRouteCircuitPeering": {"id": concat("/", [circuit, "peerings", "AzurePrivatePeering"])}}}],
}})

test_a_hub_of_one_customer_passes if {
	h := hub([fx.vnet_id(fx.sub_a, "spoke")])
	estate := fx.snapshot_for(fx.customers, [h, wan_gateway(fx.circuit_id(fx.sub_a, "er-1"))])
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_a_hub_connecting_two_customers_fails if {
	h := hub([fx.vnet_id(fx.sub_a, "spoke")])
	estate := fx.snapshot_for(fx.customers, [h, wan_gateway(fx.circuit_id(fx.sub_b, "er-fabrikam"))])
	fx.ids(rule.deny) == {lower(h.id)} with input as estate
}

test_a_hub_connecting_a_network_of_unknown_customer_is_unknown if {
	h := hub([fx.vnet_id(fx.sub_a, "spoke"), fx.vnet_id("00000000-0000-0000-0000-0000000000dd", "other")])
	estate := fx.snapshot_for(fx.customers, [h])
	count(rule.deny) == 0 with input as estate
	fx.ids(rule.unknown) == {lower(h.id)} with input as estate
}
