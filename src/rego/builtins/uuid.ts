// Builtins of the uuid family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const uuidBuiltins: readonly Builtin[] = [];
