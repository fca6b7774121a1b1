// Builtins of the strings family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const stringsBuiltins: readonly Builtin[] = [];
