// Builtins of the sprintf family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const sprintfBuiltins: readonly Builtin[] = [];
