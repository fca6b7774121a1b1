// Builtins of the encoding family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const encodingBuiltins: readonly Builtin[] = [];
