// Builtins of the net family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const netBuiltins: readonly Builtin[] = [];
