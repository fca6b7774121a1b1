package erguard.rules.isolation.nsg_virtual_network_tag_connect_through_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.isolation.nsg_virtual_network_tag_connect_through as rule

# sub's hub network, behind a circuit, with its app subnet protected by NSG "nsg-app".
estate(sub, source) := fx.snapshot_for(fx.customers, [
	fx.vnet(sub, "hub", ["10.0.0.0/16"], [fx.subnet(sub, "hub", "app", "10.0.1.0/24", {"properties": {"networkSecurityGroup": {"id": fx.nsg_id(sub, "nsg-app")}}})], {}),
	fx.gateway(sub, "ergw", "hub", {}),
	fx.connection(sub, "conn", fx.gateway_id(sub, "ergw"), fx.circuit_id(sub, "er-1"), {}),
	fx.nsg(sub, "nsg-app", [fx.security_rule("from-onprem", "Allow", 100, {"properties": {"sourceAddressPrefix": source}})], {}),
])

test_explicit_customer_prefixes_pass if {
	count(rule.deny) == 0 with input as estate(fx.sub_a, "172.20.0.0/16")
}

test_the_virtual_network_tag_fails_for_a_connect_through_customer if {
	fx.ids(rule.deny) == {lower(fx.nsg_id(fx.sub_a, "nsg-app"))} with input as estate(fx.sub_a, "VirtualNetwork")
}

test_the_virtual_network_tag_passes_for_a_connect_to_customer if {
	count(rule.deny) == 0 with input as estate(fx.sub_b, "VirtualNetwork")
}

test_the_virtual_network_tag_fails_beside_source_prefixes_unknown_before_deployment if {
	unknown := {"$unknown": "azurerm_network_security_rule.in.source_address_prefixes"}
	rules := [fx.security_rule("from-onprem", "Allow", 100, {"properties": {"sourceAddressPrefix": "VirtualNetwork", "sourceAddressPrefixes": unknown}})]
	resources := array.concat(array.slice(estate(fx.sub_a, "").resources, 0, 3), [fx.nsg(fx.sub_a, "nsg-app", rules, {})])
	fx.ids(rule.deny) == {lower(fx.nsg_id(fx.sub_a, "nsg-app"))} with input as fx.snapshot_for(fx.customers, resources)
}
