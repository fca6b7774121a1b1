package erguard.rules.hygiene.nsg_associated_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.nsg_associated as rule

nsg := fx.nsg(fx.sub_a, "nsg-app", [], {})

test_an_nsg_named_by_a_subnet_passes if {
	v := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "app", "10.0.1.0/24", {"properties": {"networkSecurityGroup": {"id": nsg.id}}})], {})
	count(rule.deny) == 0 with input as fx.snapshot([v, nsg])
}

test_an_nsg_listing_an_interface_passes if {
	n := fx.nsg(fx.sub_a, "nsg-app", [], {"properties": {"networkInterfaces": [{"id": fx.rid(fx.sub_a, "Microsoft.Network/networkInterfaces", "nic")}]}})
	count(rule.deny) == 0 with input as fx.snapshot([n])
}

test_an_unassociated_nsg_fails if {
	fx.ids(rule.deny) == {lower(nsg.id)} with input as fx.snapshot([nsg])
}
