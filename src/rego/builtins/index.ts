// Every builtin erguard's Rego engine knows, by OPA name.
import { aggregatesBuiltins } from "./aggregates.js";
import { arraysBuiltins } from "./arrays.js";
import { bitsBuiltins } from "./bits.js";
import { castsBuiltins } from "./casts.js";
import { comparisonBuiltins } from "./comparison.js";
import { cryptoBuiltins } from "./crypto.js";
import { encodingBuiltins } from "./encoding.js";
import { globBuiltins } from "./glob.js";
import { jsonBuiltins } from "./json.js";
import { netBuiltins } from "./net.js";
import { numbersBuiltins } from "./numbers.js";
import { objectsBuiltins } from "./objects.js";
import { regexBuiltins } from "./regex.js";
import type { Builtin } from "./registry.js";
import { runtimeBuiltins } from "./runtime.js";
import { semverBuiltins } from "./semver.js";
import { setsBuiltins } from "./sets.js";
import { sprintfBuiltins } from "./sprintf.js";
import { stringsBuiltins } from "./strings.js";
import { timeBuiltins } from "./time.js";
import { typesBuiltins } from "./types.js";
import { unitsBuiltins } from "./units.js";
import { uuidBuiltins } from "./uuid.js";

const families: readonly (readonly Builtin[])[] = [
  comparisonBuiltins,
  numbersBuiltins,
  aggregatesBuiltins,
  setsBuiltins,
  typesBuiltins,
  castsBuiltins,
  runtimeBuiltins,
  stringsBuiltins,
  sprintfBuiltins,
  regexBuiltins,
  globBuiltins,
  unitsBuiltins,
  semverBuiltins,
  timeBuiltins,
  netBuiltins,
  objectsBuiltins,
  arraysBuiltins,
  jsonBuiltins,
  encodingBuiltins,
  cryptoBuiltins,
  uuidBuiltins,
  bitsBuiltins,
];

export const BUILTINS: ReadonlyMap<string, Builtin> = (() => {
  const map = new Map<string, Builtin>();
  for (const family of families) {
    for (const b of family) {
      if (map.has(b.name)) throw new Error(`builtin ${b.name} registered twice`);
      map.set(b.name, b);
    }
  }
  return map;
})();

export { REFUSED_BUILTINS } from "./registry.js";
export type { Builtin, BuiltinContext } from "./registry.js";
