package erguard.rules.routing.connection_fastpath_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.routing.connection_fastpath as rule

gw(sku) := fx.gateway(fx.sub_a, "ergw", "hub", {"properties": {"sku": {"name": sku}}})

conn(bypass) := fx.connection(fx.sub_a, "conn", fx.gateway_id(fx.sub_a, "ergw"), fx.circuit_id(fx.sub_a, "er-1"), {"properties": {"expressRouteGatewayBypass": bypass}})

test_fastpath_on_a_capable_gateway_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([gw("ErGw3AZ"), conn(true)])
}

test_no_fastpath_on_a_capable_gateway_fails if {
	fx.ids(rule.deny) == {lower(conn(false).id)} with input as fx.snapshot([gw("ErGw3AZ"), conn(false)])
}

test_smaller_gateways_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([gw("ErGw1AZ"), conn(false)])
}

test_an_unknown_setting_is_unknown if {
	c := conn({"$unknown": "azurerm_virtual_network_gateway_connection.er.express_route_gateway_bypass"})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([gw("ErGw3AZ"), c])
}
