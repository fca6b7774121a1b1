// Builtins of the objects family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const objectsBuiltins: readonly Builtin[] = [];
