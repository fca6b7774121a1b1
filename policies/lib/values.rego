# METADATA
# description: |
#   Values that a source cannot know. Infrastructure-as-code collection writes
#   {"$unknown": "<address>.<attribute>"} where a value is only known after deployment; a rule
#   must treat such a value as unknown (an `unknown` finding), never pass or fail on it.
package erguard.lib.values

# The explicit unknown marker.
is_unknown(v) if {
	is_object(v)
	is_string(v["$unknown"])
}

# True when the value at `path` in `obj`, or any object on the way to it, is unknown: one of
# them has a string at key "$unknown" (is_unknown, read with one object.get per level).
unknown_at(obj, path) if {
	some i in numbers.range(0, count(path))
	is_string(object.get(obj, array.concat(array.slice(path, 0, i), ["$unknown"]), null))
}

# True when an unknown marker occurs anywhere inside a value (is_unknown, inlined: it runs on
# every nested value).
has_unknown(x) if {
	walk(x, [_, v])
	is_object(v)
	is_string(v["$unknown"])
}

# True when a property is a non-empty string: a secret collection replaced by "<redacted>" was
# set, and so was a plain value.
secret_set(v) if {
	is_string(v)
	v != ""
}

# A list at `path`, empty when absent or unknown (callers check unknown_at first when it matters).
list(obj, path) := v if {
	v := object.get(obj, path, [])
	is_array(v)
} else := []

# A value in lower case when it is a string, else "" (an unknown marker or a wrong type never
# matches a comparison, and never raises an error even with strict builtin errors).
lc(v) := lower(v) if is_string(v) else := ""

# A value as text for messages: strings as they are, anything else as Rego prints it (so that
# concat never meets an unknown marker or a number).
text(v) := v if is_string(v) else := sprintf("%v", [v])
