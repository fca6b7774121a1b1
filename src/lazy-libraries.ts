// Libraries loaded on first use, with a synchronous require of their CommonJS build. A scan of
// one template reads no YAML (the built-in bundle's METADATA blocks and data file are parsed at
// build time, see evaluate/bundle-cache.ts), may run no regular expression and checks no
// document against a JSON schema, so it should not pay for loading them: yaml is some 70
// modules (~30 ms), ajv some 60 (~30 ms), re2js ~10 ms. Modules take their types with
// `import type` and the functions from here.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function onFirstUse<T>(name: string): () => T {
  let library: T | undefined;
  return () => (library ??= require(name) as T);
}

export const yaml = onFirstUse<typeof import("yaml")>("yaml");
export const re2js = onFirstUse<typeof import("re2js")>("re2js");
export const ajv = onFirstUse<typeof import("ajv")>("ajv");
export const ajvFormats = onFirstUse<typeof import("ajv-formats")>("ajv-formats");
