package erguard.rules.nsg.nsg_flow_logs_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.nsg_flow_logs as rule

nsg := fx.nsg(fx.sub_a, "nsg-app", [], {})

vnet := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "app", "10.0.1.0/24", {"properties": {"networkSecurityGroup": {"id": nsg.id}}})], {})

flow_log(target, enabled) := fx.resource(fx.sub_a, "Microsoft.Network/networkWatchers/flowLogs", "NetworkWatcher_westeurope/fl", {"properties": {"targetResourceId": target, "enabled": enabled}})

test_an_nsg_flow_log_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg, flow_log(nsg.id, true)])
}

test_a_vnet_flow_log_on_the_subnets_network_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([nsg, vnet, flow_log(upper(vnet.id), true)])
}

test_a_disabled_flow_log_fails if {
	fx.ids(rule.deny) == {lower(nsg.id)} with input as fx.snapshot([nsg, vnet, flow_log(vnet.id, false)])
}

test_a_template_without_flow_logs_is_unknown if {
	count(rule.deny) == 0 with input as fx.iac([nsg, vnet])
	fx.ids(rule.unknown) == {lower(nsg.id)} with input as fx.iac([nsg, vnet])
}
