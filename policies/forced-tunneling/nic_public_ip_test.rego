package erguard.rules.forced_tunneling.nic_public_ip_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.nic_public_ip as rule

ft := {"contoso": {"forced_tunneling": true}}

nic(config) := fx.resource(fx.sub_a, "Microsoft.Network/networkInterfaces", "vm1-nic", {"properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": config}]}})

test_a_private_interface_passes if {
	n := nic({"privateIPAllocationMethod": "Dynamic"})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [n]) with data.erguard.config.customers as ft
}

test_an_interface_with_a_public_ip_fails if {
	n := nic({"publicIPAddress": {"id": fx.rid(fx.sub_a, "Microsoft.Network/publicIPAddresses", "vm1-pip")}})
	fx.ids(rule.deny) == {lower(n.id)} with input as fx.snapshot_for(fx.customers, [n]) with data.erguard.config.customers as ft
}

test_customers_without_forced_tunneling_pass if {
	n := nic({"publicIPAddress": {"id": fx.rid(fx.sub_a, "Microsoft.Network/publicIPAddresses", "vm1-pip")}})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [n])
}

test_an_unknown_public_ip_is_unknown if {
	n := nic({"publicIPAddress": {"id": {"$unknown": "azurerm_network_interface.vm1.ip_configuration[0].public_ip_address_id"}}})
	fx.ids(rule.unknown) == {lower(n.id)} with input as object.union(fx.iac([n]), {"customers": fx.customers}) with data.erguard.config.customers as ft
}
