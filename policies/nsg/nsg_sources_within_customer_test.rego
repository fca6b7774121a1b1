package erguard.rules.nsg.nsg_sources_within_customer_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_sources_within_customer as rule

nsg_id := fx.nsg_id(fx.sub_a, "nsg-app")

estate(source) := fx.snapshot_for(fx.customers, [
	fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "app", "10.0.1.0/24", {"properties": {"networkSecurityGroup": {"id": nsg_id}}})], {}),
	fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [], {}),
	fx.gateway(fx.sub_a, "ergw", "hub", {}),
	fx.connection(fx.sub_a, "conn", fx.gateway_id(fx.sub_a, "ergw"), fx.circuit_id(fx.sub_a, "er-1"), {}),
	fx.nsg(fx.sub_a, "nsg-app", [fx.security_rule("in", "Allow", 100, {"properties": {"sourceAddressPrefix": source}})], {}),
])

onprem := {"contoso": {"onpremises_prefixes": ["172.20.0.0/16"]}}

test_the_customers_onpremises_and_vnet_sources_pass if {
	count(rule.deny) == 0 with input as estate("172.20.4.0/24") with data.erguard.config.customers as onprem
	count(rule.deny) == 0 with input as estate("10.1.2.0/24") with data.erguard.config.customers as onprem
}

test_a_private_source_of_someone_else_fails if {
	fx.ids(rule.deny) == {lower(nsg_id)} with input as estate("172.31.0.0/16") with data.erguard.config.customers as onprem
}

test_without_configured_onpremises_prefixes_it_is_unknown if {
	count(rule.deny) == 0 with input as estate("172.31.0.0/16")
	fx.ids(rule.unknown) == {lower(nsg_id)} with input as estate("172.31.0.0/16")
}

test_a_source_inside_another_customers_network_or_wider_than_the_customers_fails if {
	other := array.concat(estate("10.9.1.0/24").resources, [fx.vnet(fx.sub_b, "fabrikam", ["10.9.0.0/16"], [], {})])
	fx.ids(rule.deny) == {lower(nsg_id)} with input as fx.snapshot_for(fx.customers, other) with data.erguard.config.customers as onprem
	fx.ids(rule.deny) == {lower(nsg_id)} with input as estate("10.0.0.0/8") with data.erguard.config.customers as onprem
}
