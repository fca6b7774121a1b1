// Builtins of the regex family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const regexBuiltins: readonly Builtin[] = [];
