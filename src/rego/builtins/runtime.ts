// Builtins of the runtime family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const runtimeBuiltins: readonly Builtin[] = [];
