// Builtins of the arrays family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const arraysBuiltins: readonly Builtin[] = [];
