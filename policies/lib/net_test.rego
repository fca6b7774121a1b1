package erguard.lib.net_test

import data.erguard.lib.net

test_internet_equivalent_sources_in_any_case if {
	every p in ["*", "Internet", "INTERNET", "any", "Any", "0.0.0.0/0", "::/0", " 0.0.0.0/0 "] {
		net.is_internet(p)
	}
	not net.is_internet("VirtualNetwork")
	not net.is_internet("10.0.0.0/8")
}

test_collects_both_source_prefix_properties if {
	net.sources({"properties": {"sourceAddressPrefix": "", "sourceAddressPrefixes": ["10.0.0.0/8", "Internet"]}}) == {"10.0.0.0/8", "Internet"}
	net.sources({"properties": {"sourceAddressPrefix": "*"}}) == {"*"}
}

test_expands_port_ranges if {
	net.port_range("*") == [0, 65535]
	net.port_range("20-23") == [20, 23]
	net.port_range("3389") == [3389, 3389]
	net.port_range(443) == [443, 443]
}

test_finds_a_port_inside_ranges if {
	rule := {"properties": {"destinationPortRange": "", "destinationPortRanges": ["80", "20-23"]}}
	net.opens_port(rule, 22)
	net.opens_port(rule, 80)
	not net.opens_port(rule, 3389)
}

test_protocols_match_with_wildcards if {
	net.applies_to_protocol({"properties": {"protocol": "*"}}, "Udp")
	net.applies_to_protocol({"properties": {"protocol": "UDP"}}, "Udp")
	not net.applies_to_protocol({"properties": {"protocol": "Tcp"}}, "Udp")
}

test_cidr_overlap_and_containment if {
	net.overlaps("10.0.0.0/16", "10.0.128.0/17")
	net.overlaps("10.0.0.5", "10.0.0.0/24")
	not net.overlaps("10.0.0.0/16", "10.1.0.0/16")
	not net.overlaps("10.0.0.0/8", "fc00::/7")
	not net.overlaps("VirtualNetwork", "10.0.0.0/8")
	net.within("10.0.0.0/8", "10.2.0.0/16")
	not net.within("10.2.0.0/16", "10.0.0.0/8")
}

test_private_address_space if {
	net.is_private("10.1.0.0/16")
	net.is_private("192.168.0.0/24")
	not net.is_private("203.0.113.0/24")
}

test_prefix_length if {
	net.prefix_length("10.0.0.0/27") == 27
	net.prefix_length("10.0.0.1") == 32
}

test_key_paths_go_from_the_family_to_the_covered_levels if {
	net.key_path("10.12.5.0/24") == ["wide4", "10", "10.12", "10.12.4/22", "10.12.5"]
	net.key_path("10.12.7.0/23") == ["wide4", "10", "10.12", "10.12.4/22"]
	net.key_path("10.12.0.0/20") == ["wide4", "10", "10.12"]
	net.key_path("10.0.0.0/8") == ["wide4", "10"]
	net.key_path("0.0.0.0/1") == ["wide4"]
	net.key_path("fd00::/8") == ["wide6"]
}
