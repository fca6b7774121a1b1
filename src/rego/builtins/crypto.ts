// Builtins of the crypto family (placeholder: being written).
import type { Builtin } from "./registry.js";

export const cryptoBuiltins: readonly Builtin[] = [];
