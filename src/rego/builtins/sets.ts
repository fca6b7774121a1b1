// Builtins of the sets family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const setsBuiltins: readonly Builtin[] = [];
