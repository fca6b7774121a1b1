// Type predicates (is_string, …) and type_name.
import { kindOf, Kind, typeName, type Value } from "../value.js";
import type { Builtin } from "./registry.js";

const is = (name: string, kind: Kind): Builtin => ({ name, arity: 1, fn: ([v]) => kindOf(v as Value) === kind });

export const typesBuiltins: readonly Builtin[] = [
  is("is_number", Kind.Number),
  is("is_string", Kind.String),
  is("is_boolean", Kind.Boolean),
  is("is_array", Kind.Array),
  is("is_set", Kind.Set),
  is("is_object", Kind.Object),
  is("is_null", Kind.Null),
  { name: "type_name", arity: 1, fn: ([v]) => typeName(v as Value) },
];
