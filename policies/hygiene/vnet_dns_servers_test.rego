package erguard.rules.hygiene.vnet_dns_servers_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.vnet_dns_servers as rule

vnet(servers) := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [], {"properties": {"dhcpOptions": {"dnsServers": servers}}})

test_two_servers_or_azure_dns_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([vnet(["10.0.5.4", "10.0.5.5"])])
	count(rule.deny) == 0 with input as fx.snapshot([vnet([])])
}

test_a_single_server_fails if {
	fx.ids(rule.deny) == {lower(vnet(["10.0.5.4"]).id)} with input as fx.snapshot([vnet(["10.0.5.4"])])
}

test_unknown_servers_are_unknown if {
	v := vnet({"$unknown": "azurerm_virtual_network.spoke.dns_servers"})
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
}
