// The yaml library, loaded on first use. It is some 70 CommonJS modules, ~30 ms to load: a scan
// of one template reads no YAML at all (the built-in bundle's METADATA blocks and data file
// are parsed at build time, see evaluate/bundle-cache.ts), so it should not pay for them.
// Modules use `import type` from "yaml" for its types and this for its functions.

import { createRequire } from "node:module";

type YamlLibrary = typeof import("yaml");

let library: YamlLibrary | undefined;

export function yaml(): YamlLibrary {
  library ??= createRequire(import.meta.url)("yaml") as YamlLibrary;
  return library;
}
