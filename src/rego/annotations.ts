// OPA's `# METADATA` annotations: a YAML block in comments right above a package or a rule.
//
//   # METADATA
//   # title: Circuit without encryption
//   # custom:
//   #   id: ERG-ENC-001
//   package erguard.rules.encryption.circuit_without_encryption
//
// Scopes: package (default above a package), rule (default above a rule), document (every
// rule of that path), subpackages (the package and all below it).

import { yaml } from "../lazy-libraries.js";
import type { Module, Rule } from "./ast.js";
import { RegoError } from "./errors.js";
import { tokenize, type Comment } from "./lexer.js";
import type { Location } from "./location.js";
import { fromJSON, type Value } from "./value.js";

export type AnnotationScope = "package" | "rule" | "document" | "subpackages";

export interface Annotation {
  readonly scope: AnnotationScope;
  // The data path the annotation applies to, without "data": ["erguard", "rules", "x"].
  readonly path: readonly string[];
  // The annotation as OPA's rego.metadata.* return it (scope included).
  readonly annotations: Readonly<Record<string, unknown>>;
  readonly location: Location;
}

const KNOWN_KEYS = new Set([
  "scope",
  "title",
  "description",
  "related_resources",
  "authors",
  "organizations",
  "schemas",
  "entrypoint",
  "custom",
  "compile",
]);

interface Block {
  readonly text: string;
  readonly loc: Location; // of the "# METADATA" line
  readonly endRow: number; // the last comment row of the block
}

function blocks(comments: readonly Comment[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    if (c.text.trim() !== "METADATA") continue;
    const lines: string[] = [];
    let row = c.loc.row;
    let j = i + 1;
    while (j < comments.length && comments[j]!.loc.row === row + 1 && comments[j]!.loc.col === c.loc.col) {
      const t = comments[j]!.text;
      lines.push(t.startsWith(" ") ? t.slice(1) : t);
      row++;
      j++;
    }
    out.push({ text: lines.join("\n"), loc: c.loc, endRow: row });
    i = j - 1;
  }
  return out;
}

// Parsed METADATA blocks by their text, given by a host that parsed them before (erguard
// ships its bundle's blocks parsed: YAML parsing is most of the cost of compiling it).
export type AnnotationCache = ReadonlyMap<string, Record<string, unknown>>;

// The YAML text of every METADATA block of a module's source, for building a cache.
export function metadataBlockTexts(source: string, file: string): string[] {
  return blocks(tokenize(source, file).comments).map((b) => b.text);
}

// A METADATA block's YAML as a value (the annotation before its checks).
export function parseMetadataYaml(text: string): unknown {
  return yaml().parseDocument(text, { prettyErrors: false }).toJS();
}

function parseBlock(block: Block, cache: AnnotationCache | undefined): Record<string, unknown> {
  const cached = cache?.get(block.text);
  if (cached !== undefined) return checkKeys(cached, block);
  const doc = yaml().parseDocument(block.text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new RegoError("rego_parse_error", `invalid METADATA block: ${e.message.split("\n")[0]}`, {
      file: block.loc.file,
      row: block.loc.row + line,
      col: 1,
    });
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new RegoError("rego_parse_error", "invalid METADATA block: expected a YAML mapping", block.loc);
  }
  return checkKeys(value as Record<string, unknown>, block);
}

function checkKeys(obj: Record<string, unknown>, block: Block): Record<string, unknown> {
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new RegoError("rego_parse_error", `invalid METADATA block: unknown annotation key ${JSON.stringify(key)}`, block.loc);
    }
  }
  return obj;
}

// OPA's normalised forms: authors and related_resources as objects.
function normalise(raw: Record<string, unknown>, scope: AnnotationScope, loc: Location): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === "authors") out[k] = toList(v).map((a) => author(a, loc));
    else if (k === "related_resources") out[k] = toList(v).map((r) => (typeof r === "string" ? { ref: r } : r));
    else if (k === "scope") continue;
    else out[k] = v;
  }
  out["scope"] = scope;
  return out;
}

function toList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function author(a: unknown, loc: Location): unknown {
  if (typeof a !== "string") return a;
  const m = /^(.*?)\s*<([^>]+)>\s*$/.exec(a);
  if (m) return m[1] ? { name: m[1], email: m[2] } : { email: m[2] };
  if (a.trim() === "") throw new RegoError("rego_parse_error", "invalid METADATA block: empty author", loc);
  return { name: a.trim() };
}

// Annotations of one module, each bound to the package or rule right below its block.
export function moduleAnnotations(m: Module, cache?: AnnotationCache): { annotation: Annotation; rule: Rule | undefined }[] {
  const out: { annotation: Annotation; rule: Rule | undefined }[] = [];
  const rules = [...m.rules].sort((a, b) => a.loc.row - b.loc.row);
  for (const block of blocks(m.comments)) {
    const raw = parseBlock(block, cache);
    const next = block.endRow + 1;
    const rule = rules.find((r) => r.loc.row >= next);
    const abovePackage = m.package.loc.row >= next && (!rule || m.package.loc.row <= rule.loc.row);
    const declared = raw["scope"];
    if (abovePackage) {
      const scope = (declared ?? "package") as AnnotationScope;
      if (scope !== "package" && scope !== "subpackages") {
        throw new RegoError("rego_parse_error", `invalid annotation scope '${String(declared)}' on a package`, block.loc);
      }
      out.push({ annotation: { scope, path: m.package.path, annotations: normalise(raw, scope, block.loc), location: block.loc }, rule: undefined });
      continue;
    }
    if (!rule) {
      throw new RegoError("rego_parse_error", "METADATA block is not followed by a package or a rule", block.loc);
    }
    const scope = (declared ?? "rule") as AnnotationScope;
    if (scope !== "rule" && scope !== "document") {
      throw new RegoError("rego_parse_error", `invalid annotation scope '${String(declared)}' on a rule`, block.loc);
    }
    out.push({
      annotation: { scope, path: [...m.package.path, ruleName(rule)], annotations: normalise(raw, scope, block.loc), location: block.loc },
      rule,
    });
  }
  return out;
}

function ruleName(r: Rule): string {
  const first = r.head.ref[0]!;
  const names = [first.type === "var" ? first.name : ""];
  for (const t of r.head.ref.slice(1)) {
    if (t.type !== "scalar" || typeof t.value !== "string") break;
    names.push(t.value);
  }
  return names.join(".");
}

// Everything known about annotations in a set of modules, for rego.metadata.* and hosts.
export class AnnotationSet {
  readonly all: Annotation[] = [];
  private readonly byRule = new Map<Rule, Annotation>();

  constructor(modules: readonly Module[], cache?: AnnotationCache) {
    for (const m of modules) {
      for (const { annotation, rule } of moduleAnnotations(m, cache)) {
        this.all.push(annotation);
        if (rule && annotation.scope === "rule") this.byRule.set(rule, annotation);
      }
    }
  }

  // rego.metadata.rule(): the rule's own annotation (rule scope), or {}.
  ruleValue(rule: Rule | undefined): Value {
    const a = rule ? this.byRule.get(rule) : undefined;
    return fromJSON(a ? a.annotations : {});
  }

  // rego.metadata.chain(): from the rule up to the packages that enclose it.
  chainValue(rule: Rule | undefined, packagePath: readonly string[]): Value {
    if (!rule) return [];
    const path = [...packagePath, ...ruleName(rule).split(".")];
    const entries: unknown[] = [];
    const own = this.byRule.get(rule);
    entries.push(own ? { path, annotations: own.annotations } : { path });
    for (const a of this.all) {
      if (a.scope === "document" && sameArray(a.path, path)) entries.push({ path, annotations: a.annotations });
    }
    for (const a of this.all) {
      if (a.scope === "package" && sameArray(a.path, packagePath)) entries.push({ path: a.path, annotations: a.annotations });
    }
    const subs = this.all
      .filter((a) => a.scope === "subpackages" && a.path.length <= packagePath.length && sameArray(a.path, packagePath.slice(0, a.path.length)))
      .sort((x, y) => y.path.length - x.path.length);
    for (const a of subs) entries.push({ path: a.path, annotations: a.annotations });
    return fromJSON(entries);
  }

  // The annotation of a package (package scope), as hosts read rule metadata from it.
  packageAnnotation(packagePath: readonly string[]): Annotation | undefined {
    return this.all.find((a) => a.scope === "package" && sameArray(a.path, packagePath));
  }
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
