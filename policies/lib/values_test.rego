package erguard.lib.values_test

import data.erguard.lib.values

doc := {"a": {"b": {"$unknown": "azurerm_x.y.b"}}, "c": {"$unknown": "azurerm_x.y.c"}, "d": {"e": 1}}

test_recognises_the_unknown_marker if {
	values.is_unknown({"$unknown": "x"})
	not values.is_unknown({"unknown": "x"})
	not values.is_unknown("x")
}

test_a_path_through_an_unknown_object_is_unknown if {
	values.unknown_at(doc, ["a", "b"])
	values.unknown_at(doc, ["c", "deeper", "still"])
	not values.unknown_at(doc, ["d", "e"])
	not values.unknown_at(doc, ["missing"])
}

test_known_values_exclude_unknown_ones if {
	values.known(doc, ["d", "e"]) == 1
	values.known(doc, ["missing"]) == null
	not values.known(doc, ["c", "x"])
}

test_finds_unknown_markers_anywhere if {
	values.has_unknown([{"x": [doc]}])
	not values.has_unknown({"d": {"e": 1}})
}

test_says_what_is_unknown if {
	values.unknown_reason(doc, ["c", "z"]) == "azurerm_x.y.c"
}

test_lists_default_to_empty if {
	values.list({"a": [1]}, ["a"]) == [1]
	values.list({"a": "no"}, ["a"]) == []
	values.list({}, ["a"]) == []
}
