// The built-in bundle, parsed at build time (npm run build writes dist/bundle-cache.json):
// its modules' syntax trees, its METADATA blocks and its data files. Parsing them is most of
// the cost of loading the bundle (and the YAML ones would load the yaml library), and a
// PR-gate scan of one template should not pay for it on every run. A module or data file whose
// text differs from the one cached (an edited rule) and a METADATA block the cache does not
// hold (a user's bundle) are parsed as usual.
//
// The file is made to be read fast, since every scan reads it:
// - line 1 is a JSON header (format version, each module's path and sha256, the METADATA
//   blocks); line n + 1 is the syntax tree of module n, as JSON;
// - a syntax tree names its file in every location: the cache writes `"file":0` instead, and
//   the path the module has now is put back in the text before it is parsed. So the cache holds
//   no build machine's paths, is half the size, and an installed copy needs no rewriting;
// - the module's source is not stored (the caller has just read it);
// - every character outside ASCII is written as a \u escape, so the file decodes as Latin-1,
//   the fastest way Node reads text.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { metadataBlockTexts, parseMetadataYaml, type AnnotationCache } from "../rego/annotations.js";
import { parseModule, type Module } from "../rego/index.js";
import { BigNum } from "../rego/value.js";
import { isDeepStrictEqual } from "node:util";
import { loadPolicyFiles, parseDataFile } from "./policy-files.js";

const CACHE_FILE = fileURLToPath(new URL("../bundle-cache.json", import.meta.url));
const FORMAT = 3;
const FILE_PLACEHOLDER = '"file":0';

interface Header {
  readonly format: number;
  readonly modules: readonly { readonly path: string; readonly sha256: string }[]; // paths relative to the bundle directory
  readonly annotations: Record<string, Record<string, unknown>>; // METADATA YAML by its text
  // Data files by path (relative to the bundle directory): the value as JSON text.
  readonly data: Record<string, { readonly sha256: string; readonly json: string }>;
}

export interface BundleCache {
  // The module at `path` (in bundle directory `dir`) with text `source`: from the cache when
  // that text is the one parsed at build time, else parsed now.
  module(dir: string, path: string, source: string): Module;
  // The value of the data file at `path` when `text` is the one parsed at build time (a new
  // copy each time), else undefined.
  data(dir: string, path: string, text: string): unknown;
  readonly annotations: AnnotationCache;
}

// A missing, unreadable or older cache file gives an empty cache: everything is parsed.
export function readBundleCache(file: string): BundleCache {
  let header: Header | undefined;
  let lines: string[] = [];
  try {
    lines = readFileSync(file, "latin1").split("\n");
    const h = JSON.parse(lines[0]!) as Partial<Header>;
    if (h.format === FORMAT && Array.isArray(h.modules) && lines.length === h.modules.length + 1) header = h as Header;
  } catch {
    // not built
  }
  const entries = new Map(header?.modules.map((m, i) => [m.path, { sha256: m.sha256, line: i + 1 }]));
  return {
    module(dir, path, source) {
      const entry = entries.get(relative(dir, path));
      if (entry === undefined || entry.sha256 !== sha256(source)) return parseModule(source, path);
      const module = JSON.parse(lines[entry.line]!.replaceAll(FILE_PLACEHOLDER, `"file":${JSON.stringify(path)}`)) as { source: string };
      module.source = source;
      return module as unknown as Module;
    },
    data(dir, path, text) {
      const entry = header?.data[relative(dir, path)];
      return entry !== undefined && entry.sha256 === sha256(text) ? JSON.parse(entry.json) : undefined;
    },
    annotations: new Map(Object.entries(header?.annotations ?? {})),
  };
}

let builtin: BundleCache | undefined;

// The cache npm run build wrote, read once.
export function builtinBundleCache(): BundleCache {
  builtin ??= readBundleCache(CACHE_FILE);
  return builtin;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// Parses the bundle below `dir` and writes the cache (the build step).
export async function writeBundleCache(dir: string, file = CACHE_FILE): Promise<{ modules: number; annotations: number; dataFiles: number }> {
  const modules: Header["modules"][number][] = [];
  const trees: string[] = [];
  const blocks: Record<string, Record<string, unknown>> = {};
  const data: Header["data"] = {};
  const files = await loadPolicyFiles([dir]);
  for (const m of files.modules) {
    // A scan does not compile the tests.
    if (m.path.endsWith("_test.rego")) continue;
    const module = parseModule(m.source, m.path);
    // JSON holds every value of a syntax tree but an exact big number: leave such a module out.
    if (!containsBigNum(module)) {
      modules.push({ path: relative(dir, m.path), sha256: sha256(m.source) });
      trees.push(JSON.stringify({ ...module, source: 0 }).replaceAll(`"file":${JSON.stringify(m.path)}`, FILE_PLACEHOLDER));
    }
    for (const text of metadataBlockTexts(m.source, m.path)) {
      const value = parseMetadataYaml(text);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) blocks[text] = value as Record<string, unknown>;
    }
  }
  for (const f of files.dataFiles) {
    const value = parseDataFile(f.text, f.path);
    // JSON holds every value YAML gives but a few (.inf, .nan): leave such a file out.
    const json = JSON.stringify(value);
    if (isDeepStrictEqual(JSON.parse(json), value)) data[relative(dir, f.path)] = { sha256: sha256(f.text), json };
  }
  const header: Header = { format: FORMAT, modules, annotations: blocks, data };
  writeFileSync(file, asciiOnly([JSON.stringify(header), ...trees].join("\n")), "latin1");
  return { modules: modules.length, annotations: Object.keys(blocks).length, dataFiles: Object.keys(data).length };
}

// JSON text with every character outside ASCII escaped (JSON.stringify leaves them as they are).
function asciiOnly(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function containsBigNum(v: unknown): boolean {
  if (v instanceof BigNum) return true;
  if (Array.isArray(v)) return v.some(containsBigNum);
  if (v !== null && typeof v === "object") return Object.values(v).some(containsBigNum);
  return false;
}
