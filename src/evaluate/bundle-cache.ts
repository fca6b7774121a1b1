// The built-in bundle, parsed at build time (npm run build writes dist/bundle-cache.json):
// its modules' syntax trees and its METADATA blocks. Parsing them is most of the cost of
// loading the bundle, and a PR-gate scan of one template should not pay for it on every
// run. A module whose text differs from the one cached (an edited rule) and a METADATA block
// the cache does not hold (a user's bundle) are parsed as usual.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { metadataBlockTexts, parseMetadataYaml, type AnnotationCache } from "../rego/annotations.js";
import { parseModule, type Module } from "../rego/index.js";
import { BigNum } from "../rego/value.js";
import { loadPolicyFiles } from "./policy-files.js";

const CACHE_FILE = fileURLToPath(new URL("../bundle-cache.json", import.meta.url));

interface CacheFile {
  readonly version: 1;
  readonly dir: string; // the bundle directory the modules were parsed in
  readonly modules: Record<string, { readonly sha256: string; readonly module: Module }>; // by path relative to dir
  readonly annotations: Record<string, Record<string, unknown>>; // METADATA YAML by its text
}

let loaded: CacheFile | null | undefined;

function cacheFile(): CacheFile | null {
  if (loaded === undefined) {
    try {
      const c = JSON.parse(readFileSync(CACHE_FILE, "utf8")) as CacheFile;
      loaded = c.version === 1 ? c : null;
    } catch {
      loaded = null; // not built: everything is parsed
    }
  }
  return loaded;
}

let annotations: AnnotationCache | undefined;

export function annotationCache(): AnnotationCache {
  annotations ??= new Map(Object.entries(cacheFile()?.annotations ?? {}));
  return annotations;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// The module at `path` (in bundle directory `dir`), from the cache when its text is the one
// that was parsed, else parsed now.
export function parsedModule(dir: string, path: string, source: string): Module {
  const c = cacheFile();
  const entry = c?.modules[relative(dir, path)];
  if (!c || !entry || entry.sha256 !== sha256(source)) return parseModule(source, path);
  // Locations name the file as it was parsed; a relocated install names it where it is now.
  return c.dir === resolve(dir) ? entry.module : relocate(entry.module, path);
}

function relocate(m: Module, file: string): Module {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === "file" ? file : walk(x);
    return out;
  };
  return walk(m) as Module;
}

// Parses the bundle below `dir` and writes the cache (the build step).
export async function writeBundleCache(dir: string, file = CACHE_FILE): Promise<{ modules: number; annotations: number }> {
  const modules: Record<string, { sha256: string; module: Module }> = {};
  const blocks: Record<string, unknown> = {};
  for (const m of (await loadPolicyFiles([dir])).modules) {
    // A scan does not compile the tests.
    if (m.path.endsWith("_test.rego")) continue;
    const module = parseModule(m.source, m.path);
    // JSON holds every value of a syntax tree but an exact big number: leave such a module out.
    if (!containsBigNum(module)) modules[relative(dir, m.path)] = { sha256: sha256(m.source), module };
    for (const text of metadataBlockTexts(m.source, m.path)) {
      const value = parseMetadataYaml(text);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) blocks[text] = value;
    }
  }
  writeFileSync(file, JSON.stringify({ version: 1, dir: resolve(dir), modules, annotations: blocks }));
  return { modules: Object.keys(modules).length, annotations: Object.keys(blocks).length };
}

function containsBigNum(v: unknown): boolean {
  if (v instanceof BigNum) return true;
  if (Array.isArray(v)) return v.some(containsBigNum);
  if (v !== null && typeof v === "object") return Object.values(v).some(containsBigNum);
  return false;
}
