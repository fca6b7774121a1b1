package erguard.rules.redundancy.port_not_oversubscribed_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.port_not_oversubscribed as rule

port := fx.port(fx.sub_a, "port-1", {})

on_port(name, gbps) := fx.circuit(fx.sub_a, name, {"properties": {"serviceProviderProperties": null, "expressRoutePort": {"id": port.id}, "bandwidthInGbps": gbps}})

test_circuits_within_the_port_bandwidth_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([port, on_port("er-1", 5), on_port("er-2", 5)])
}

test_circuits_beyond_the_port_bandwidth_fail if {
	fx.ids(rule.deny) == {lower(port.id)} with input as fx.snapshot([port, on_port("er-1", 10), on_port("er-2", 5)])
}

test_provisioned_bandwidth_reported_by_azure_fails if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"provisionedBandwidthInGbps": 20}})
	fx.ids(rule.deny) == {lower(p.id)} with input as fx.snapshot([p])
}

test_an_unknown_bandwidth_is_unknown if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"bandwidthInGbps": {"$unknown": "azurerm_express_route_port.p.bandwidth_in_gbps"}}})
	fx.ids(rule.unknown) == {lower(p.id)} with input as fx.iac([p])
}
