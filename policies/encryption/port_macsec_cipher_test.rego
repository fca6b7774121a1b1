package erguard.rules.encryption.port_macsec_cipher_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.port_macsec_cipher as rule

port(cipher) := fx.port(fx.sub_a, "port-1", {"properties": {"links": [fx.link("link1", "r1", {"properties": {"macSecConfig": {"cipher": cipher}}}), fx.link("link2", "r2", {})]}})

test_a_256_bit_cipher_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([port("GcmAesXpn256")])
}

test_a_128_bit_cipher_fails if {
	some f in rule.deny with input as fx.snapshot([port("GcmAes128")])
	f.evidence.links == ["link1: GcmAes128"]
}

test_an_unknown_cipher_is_unknown if {
	p := port({"$unknown": "azurerm_express_route_port.p.link1.macsec_cipher"})
	fx.ids(rule.unknown) == {lower(p.id)} with input as fx.iac([p])
}
