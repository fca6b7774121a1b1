// Builtins of the glob family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const globBuiltins: readonly Builtin[] = [];
