// Builtins of the units family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const unitsBuiltins: readonly Builtin[] = [];
