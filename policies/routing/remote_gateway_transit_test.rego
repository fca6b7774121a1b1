package erguard.rules.routing.remote_gateway_transit_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.remote_gateway_transit as rule

spoke := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [], {"properties": {"virtualNetworkPeerings": [fx.peering_to(fx.vnet_id(fx.sub_a, "hub"), {"properties": {"useRemoteGateways": true}})]}})

hub(transit) := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {"properties": {"virtualNetworkPeerings": [fx.peering_to(spoke.id, {"properties": {"allowGatewayTransit": transit}})]}})

gw := fx.gateway(fx.sub_a, "ergw", "hub", {})

test_a_hub_offering_transit_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([spoke, hub(true), gw])
}

test_a_hub_without_transit_fails if {
	fx.ids(rule.deny) == {lower(spoke.id)} with input as fx.snapshot([spoke, hub(false), gw])
}

test_a_hub_without_gateway_fails if {
	fx.ids(rule.deny) == {lower(spoke.id)} with input as fx.snapshot([spoke, hub(true)])
}

test_a_hub_outside_the_snapshot_is_unknown if {
	fx.ids(rule.unknown) == {lower(spoke.id)} with input as fx.snapshot([spoke])
}
