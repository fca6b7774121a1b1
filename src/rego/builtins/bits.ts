// Builtins of the bits family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const bitsBuiltins: readonly Builtin[] = [];
