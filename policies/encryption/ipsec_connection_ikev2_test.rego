package erguard.rules.encryption.ipsec_connection_ikev2_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.ipsec_connection_ikev2 as rule

ipsec(extra) := fx.connection(fx.sub_a, "s2s", fx.gateway_id(fx.sub_a, "vpngw"), null, object.union({"properties": {"connectionType": "IPsec", "peer": null, "localNetworkGateway2": {"id": fx.rid(fx.sub_a, "Microsoft.Network/localNetworkGateways", "onprem")}}}, extra))

test_ikev2_and_the_default_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([ipsec({"properties": {"connectionProtocol": "IKEv2"}})])
	count(rule.deny) == 0 with input as fx.snapshot([ipsec({})])
}

test_ikev1_fails if {
	c := ipsec({"properties": {"connectionProtocol": "IKEv1"}})
	fx.ids(rule.deny) == {lower(c.id)} with input as fx.snapshot([c])
}

test_expressroute_connections_are_out_of_scope_and_pass if {
	c := fx.connection(fx.sub_a, "er", fx.gateway_id(fx.sub_a, "ergw"), fx.circuit_id(fx.sub_a, "er-1"), {"properties": {"connectionProtocol": "IKEv1"}})
	count(rule.deny) == 0 with input as fx.snapshot([c])
}

test_an_unknown_protocol_is_unknown if {
	c := ipsec({"properties": {"connectionProtocol": {"$unknown": "azurerm_virtual_network_gateway_connection.s2s.connection_protocol"}}})
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
