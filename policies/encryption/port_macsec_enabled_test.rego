package erguard.rules.encryption.port_macsec_enabled_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.port_macsec_enabled as rule

test_a_port_with_macsec_on_both_links_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fx.port(fx.sub_a, "port-1", {})])
}

test_a_link_without_macsec_fails if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "r1", {}), {"name": "link2", "properties": {"adminState": "Enabled", "macSecConfig": {}}}]}})
	some f in rule.deny with input as fx.snapshot([p])
	f.evidence.links == ["link2 lacks cipher, cknSecretIdentifier, cakSecretIdentifier"]
}

test_an_unknown_secret_is_unknown if {
	p := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "r1", {"properties": {"macSecConfig": {"cakSecretIdentifier": {"$unknown": "azurerm_express_route_port.p.link1.macsec_cak_keyvault_secret_id"}}}}), fx.link("link2", "r2", {})]}})
	count(rule.deny) == 0 with input as fx.iac([p])
	fx.ids(rule.unknown) == {lower(p.id)} with input as fx.iac([p])
}
