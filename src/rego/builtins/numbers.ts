// Builtins of the numbers family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const numbersBuiltins: readonly Builtin[] = [];
