// Builtins of the aggregates family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const aggregatesBuiltins: readonly Builtin[] = [];
