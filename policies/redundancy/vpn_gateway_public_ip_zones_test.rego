package erguard.rules.redundancy.vpn_gateway_public_ip_zones_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.vpn_gateway_public_ip_zones as rule

pip(zones) := fx.resource(fx.sub_a, "Microsoft.Network/publicIPAddresses", "vpngw-pip", {"sku": {"name": "Standard"}, "zones": zones})

vpn := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn", "sku": {"name": "VpnGw2AZ"}, "ipConfigurations": [{"name": "default", "properties": {"publicIPAddress": {"id": pip([]).id}}}]}})

test_zone_redundant_public_ips_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([vpn, pip(["1", "2", "3"])])
}

test_a_zonal_public_ip_fails if {
	fx.ids(rule.deny) == {lower(vpn.id)} with input as fx.snapshot([vpn, pip(["1"])])
}

test_a_public_ip_outside_the_snapshot_is_unknown if {
	count(rule.deny) == 0 with input as fx.snapshot([vpn])
	fx.ids(rule.unknown) == {lower(vpn.id)} with input as fx.snapshot([vpn])
}
