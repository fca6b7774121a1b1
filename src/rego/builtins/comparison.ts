// Builtins of the comparison family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const comparisonBuiltins: readonly Builtin[] = [];
