package erguard.rules.nsg.gateway_subnet_nsg_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.gateway_subnet_nsg as rule

vnet(extra) := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "GatewaySubnet", "10.0.0.0/27", extra)], {})

test_a_gateway_subnet_without_nsg_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([vnet({})])
}

test_a_gateway_subnet_with_an_nsg_fails if {
	v := vnet({"properties": {"networkSecurityGroup": {"id": fx.nsg_id(fx.sub_a, "nsg-gw")}}})
	fx.ids(rule.deny) == {lower(v.id)} with input as fx.snapshot([v])
}

test_an_unknown_association_is_unknown if {
	v := vnet({"properties": {"networkSecurityGroup": {"$unknown": "azurerm_subnet.gw.network_security_group"}}})
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
}
