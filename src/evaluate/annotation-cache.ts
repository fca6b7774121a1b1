// The built-in bundle's METADATA blocks, parsed at build time (npm run build writes
// dist/annotation-cache.json). Parsing their YAML is most of the cost of compiling the
// bundle, and a PR-gate scan of one template should not pay for it on every run. A block
// whose text is not in the cache (an edited rule, a user's bundle) is parsed as usual.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { metadataBlockTexts, parseMetadataYaml, type AnnotationCache } from "../rego/annotations.js";
import { loadPolicyFiles } from "./policy-files.js";

const CACHE_FILE = fileURLToPath(new URL("../annotation-cache.json", import.meta.url));

let loaded: AnnotationCache | undefined;

export function annotationCache(): AnnotationCache {
  if (loaded === undefined) {
    try {
      const entries = JSON.parse(readFileSync(CACHE_FILE, "utf8")) as Record<string, Record<string, unknown>>;
      loaded = new Map(Object.entries(entries));
    } catch {
      loaded = new Map(); // not built: every block is parsed
    }
  }
  return loaded;
}

// Parses every METADATA block below the directories and writes the cache.
export async function writeAnnotationCache(dirs: readonly string[], file = CACHE_FILE): Promise<number> {
  const out: Record<string, unknown> = {};
  for (const m of (await loadPolicyFiles(dirs)).modules) {
    for (const text of metadataBlockTexts(m.source, m.path)) {
      const value = parseMetadataYaml(text);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) out[text] = value;
    }
  }
  writeFileSync(file, JSON.stringify(out));
  return Object.keys(out).length;
}
