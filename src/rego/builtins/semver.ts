// Builtins of the semver family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const semverBuiltins: readonly Builtin[] = [];
