// Builtins of the json family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const jsonBuiltins: readonly Builtin[] = [];
