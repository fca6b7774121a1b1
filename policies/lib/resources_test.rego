package erguard.lib.resources_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.lib.resources as res

estate := fx.snapshot([
	fx.circuit(fx.sub_a, "er-1", {}),
	fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {"type": "Microsoft.Network/virtualNetworks"}),
])

test_indexes_resources_by_lower_case_type_and_id if {
	circuits := res.of_type(res.circuit_type) with input as estate
	count(circuits) == 1
	vnets := res.of_type(res.vnet_type) with input as estate
	vnets[lower(fx.vnet_id(fx.sub_a, "hub"))].name == "hub"
}

test_a_type_without_resources_is_an_empty_object if {
	res.of_type(res.port_type) == {} with input as estate
}

test_looks_up_references_case_insensitively if {
	r := res.get({"id": upper(fx.circuit_id(fx.sub_a, "er-1"))}) with input as estate
	r.name == "er-1"
	r2 := res.get(fx.circuit_id(fx.sub_a, "er-1")) with input as estate
	r2.name == "er-1"
}

test_parent_and_name_of_child_ids if {
	res.parent_id("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a") == "/subscriptions/s/resourcegroups/rg/providers/microsoft.network/virtualnetworks/v"
	res.name_of("/subscriptions/s/x/y/Name") == "Name"
	res.name_of("bare") == "bare"
	res.name_of("/trailing/") == ""
}

test_an_id_loses_its_last_two_segments_only_when_they_name_a_child if {
	res.without_child("/a/b/subnets/s", "subnets") == "/a/b"
	res.without_child("/a/b/peerings/p", "subnets") == "/a/b/peerings/p"
	res.without_child("/a/b/c", "") == "/a"
	res.without_child("/subnets/s", "subnets") == ""
	res.without_child("subnets/s", "subnets") == "subnets/s"
	res.without_child("/a/subnets/", "subnets") == "/a/subnets/"
	res.without_child("/a//s", "") == "/a//s"
}

test_subscription_from_the_resource_or_its_id if {
	res.subscription_key(null, "/subscriptions/ABC/resourceGroups/rg") == "abc"
	res.subscription_key("DEF", "/subscriptions/abc/x") == "def"
}

test_tags_are_read_case_insensitively if {
	res.tag({"ERGuard-Customer": "contoso"}, "erguard-customer") == "contoso"
	not res.tag({}, "erguard-customer")
}

test_iac_sources_are_recognised if {
	res.iac with input as fx.iac([])
	not res.iac with input as fx.snapshot([])
}
