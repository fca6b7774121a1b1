package erguard.rules.hygiene.gateway_subnet_size_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.gateway_subnet_size as rule

vnet(prefix) := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "GatewaySubnet", prefix, {})], {})

test_a_slash_27_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([vnet("10.0.0.0/27")])
}

test_a_slash_29_fails if {
	fx.ids(rule.deny) == {lower(vnet("10.0.0.0/29").id)} with input as fx.snapshot([vnet("10.0.0.0/29")])
}

test_an_unknown_prefix_is_unknown if {
	v := vnet({"$unknown": "azurerm_subnet.gateway.address_prefixes"})
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
}
