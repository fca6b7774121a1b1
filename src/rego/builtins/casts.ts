// Builtins of the casts family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const castsBuiltins: readonly Builtin[] = [];
