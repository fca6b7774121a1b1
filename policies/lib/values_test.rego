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

test_finds_unknown_markers_anywhere if {
	values.has_unknown([{"x": [doc]}])
	not values.has_unknown({"d": {"e": 1}})
}

test_secrets_are_set_when_redacted_or_plain if {
	values.secret_set("<redacted>")
	values.secret_set("10.0.0.4")
	not values.secret_set("")
	not values.secret_set({"$unknown": "x"})
}

test_lists_default_to_empty if {
	values.list({"a": [1]}, ["a"]) == [1]
	values.list({"a": "no"}, ["a"]) == []
	values.list({}, ["a"]) == []
}

test_only_objects_are_unknown_on_the_way_to_a_value if {
	not values.unknown_at({"a": ["$unknown"]}, ["a", "b"])
	not values.unknown_at({"a": "$unknown"}, ["a"])
	values.unknown_at({"$unknown": "x"}, [])
	not values.has_unknown(["$unknown", {"a": "$unknown"}, {"$unknown": 1}])
}
