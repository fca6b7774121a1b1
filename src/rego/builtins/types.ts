// Builtins of the types family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const typesBuiltins: readonly Builtin[] = [];
