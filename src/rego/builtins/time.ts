// Builtins of the time family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const timeBuiltins: readonly Builtin[] = [];
