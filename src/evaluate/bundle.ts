// Policy bundles: the built-in one (policies/) and users' (--policy DIR). Loads their modules
// and data, compiles them together, and reads each rule's metadata from the # METADATA
// annotation on its package (DESIGN.md, "Policy bundle").
//
// A rule is a package that defines `deny` or `unknown` (or is marked custom.manual). Test
// modules (*_test.rego) are part of the bundle's hash but are not compiled for a scan.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ErguardError } from "../errors.js";
import { Policy, type Annotation } from "../rego/index.js";
import { VERSION } from "../version.js";
import { builtinBundleCache } from "./bundle-cache.js";
import { loadPolicyFiles } from "./policy-files.js";
import { SEVERITIES, type RuleInfo, type Severity } from "./results.js";

export const BUILTIN_POLICY_DIR = fileURLToPath(new URL("../../policies", import.meta.url));

export interface BundleSource {
  readonly dir: string;
  readonly name: string; // "builtin" or the directory as given
}

export interface LoadedBundle {
  readonly policy: Policy;
  readonly rules: readonly RuleInfo[];
  // Data documents of the bundles (the built-in one carries the documented config defaults).
  readonly data: Record<string, unknown>;
  readonly revision: string;
  readonly sha256: string;
  readonly bundles: readonly string[];
}

export interface LoadBundleOptions {
  // Compile the *_test.rego modules too (erguard policy test does; a scan does not).
  readonly includeTests?: boolean;
}

export async function loadBundles(sources: readonly BundleSource[], options: LoadBundleOptions = {}): Promise<LoadedBundle> {
  const modules: { path: string; source: string; bundle: string }[] = [];
  let data: Record<string, unknown> = {};
  const hash = createHash("sha256");
  const revisions: string[] = [];
  const cache = builtinBundleCache();
  for (const src of sources) {
    const files = await loadPolicyFiles([src.dir], { parsedBefore: (file, text) => cache.data(src.dir, file, text) });
    for (const m of files.modules) modules.push({ ...m, bundle: src.name });
    data = deepMerge(data, files.data);
    // The hash covers every module and data file, by path within the bundle, in order.
    const entries = [...files.modules.map((m) => ({ path: m.path, text: m.source })), ...files.dataFiles];
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const e of entries) {
      hash.update(`${src.name}\0${relative(src.dir, e.path)}\0`);
      hash.update(e.text);
      hash.update("\0");
    }
    revisions.push(await revisionOf(src));
  }
  const compiled = modules.filter((m) => options.includeTests || !m.path.endsWith("_test.rego"));
  // Compile errors (RegoError) propagate: the CLI shows each with file:line:column.
  const policy = Policy.fromModules(
    compiled.map((m) => cache.module(sources.find((s) => s.name === m.bundle)!.dir, m.path, m.source)),
    { annotationCache: cache.annotations },
  );
  const bundleOf = new Map(compiled.map((m) => [m.path, m.bundle]));
  const rules = ruleInfos(policy, bundleOf);
  checkUniqueIds(rules);
  return {
    policy,
    rules,
    data,
    revision: revisions.join("+"),
    sha256: hash.digest("hex"),
    bundles: sources.map((s) => s.name),
  };
}

// An OPA bundle's .manifest revision, or the tool version for the built-in bundle.
async function revisionOf(src: BundleSource): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(join(src.dir, ".manifest"), "utf8")) as { revision?: unknown };
    if (typeof manifest.revision === "string" && manifest.revision !== "") return manifest.revision;
  } catch {
    // no manifest
  }
  return src.name === "builtin" ? `erguard-${VERSION}` : "unversioned";
}

function ruleInfos(policy: Policy, bundleOf: ReadonlyMap<string, string>): RuleInfo[] {
  const packages = new Map<string, { file: string; rules: Set<string> }>();
  for (const m of policy.modules) {
    const pkg = m.package.path.join(".");
    const entry = packages.get(pkg) ?? { file: m.file, rules: new Set<string>() };
    for (const r of m.rules) {
      const head = r.head.ref[0];
      if (head?.type === "var") entry.rules.add(head.name);
    }
    packages.set(pkg, entry);
  }
  // The first package annotation of each package, found in one pass (not one search per package).
  const packageAnnotations = new Map<string, Annotation>();
  for (const a of policy.annotations) {
    if (a.scope !== "package") continue;
    const pkg = a.path.join(".");
    if (!packageAnnotations.has(pkg)) packageAnnotations.set(pkg, a);
  }
  const out: RuleInfo[] = [];
  for (const [pkg, { file, rules }] of packages) {
    if (pkg.endsWith("_test") || pkg.startsWith("erguard.lib")) continue;
    const annotation = packageAnnotations.get(pkg);
    const custom = (annotation?.annotations["custom"] ?? {}) as Record<string, unknown>;
    const manual = custom["manual"] === true;
    if (!rules.has("deny") && !rules.has("unknown") && !manual) continue;
    out.push(ruleInfo(pkg, file, bundleOf.get(file) ?? "builtin", annotation, custom, manual));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function ruleInfo(
  pkg: string,
  file: string,
  bundle: string,
  annotation: Annotation | undefined,
  custom: Record<string, unknown>,
  manual: boolean,
): RuleInfo {
  const where = { file, line: annotation?.location.row };
  const builtin = bundle === "builtin";
  const fail = (message: string): never => {
    throw new ErguardError("policy_error", `rule ${pkg}: ${message}`, where);
  };
  const str = (v: unknown, field: string, required: boolean): string | undefined => {
    if (v === undefined) return required ? fail(`METADATA lacks ${field}`) : undefined;
    if (typeof v !== "string" || v.trim() === "") return fail(`METADATA ${field} must be a non-empty string`);
    return v;
  };
  const strings = (v: unknown, field: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) return fail(`METADATA ${field} must be a list of strings`);
    return v as string[];
  };
  const ann = annotation?.annotations ?? {};
  const severity = str(custom["severity"], "custom.severity", builtin) ?? "medium";
  if (!SEVERITIES.includes(severity as Severity)) fail(`custom.severity must be one of ${SEVERITIES.join(", ")}`);
  const frameworks: Record<string, string[]> = {};
  const fw = custom["frameworks"];
  if (fw !== undefined) {
    if (fw === null || typeof fw !== "object" || Array.isArray(fw)) fail("METADATA custom.frameworks must be a mapping");
    for (const [k, v] of Object.entries(fw as Record<string, unknown>)) frameworks[k] = strings(v, `custom.frameworks.${k}`);
  }
  const related = Array.isArray(ann["related_resources"])
    ? (ann["related_resources"] as { ref?: unknown }[]).map((r) => r.ref).filter((r): r is string => typeof r === "string")
    : [];
  return {
    id: str(custom["id"], "custom.id", builtin) ?? pkg,
    title: str(ann["title"], "title", builtin) ?? pkg,
    description: str(ann["description"], "description", builtin) ?? "",
    severity: severity as Severity,
    baseline: str(custom["baseline"], "custom.baseline", builtin) ?? "custom",
    resourceTypes: strings(custom["resource_types"], "custom.resource_types").map((t) => t.toLowerCase()),
    remediation: str(custom["remediation"], "custom.remediation", builtin),
    references: [...strings(custom["references"], "custom.references"), ...related],
    frameworks,
    manual,
    package: `data.${pkg}`,
    file,
    bundle,
  };
}

function checkUniqueIds(rules: readonly RuleInfo[]): void {
  const seen = new Map<string, RuleInfo>();
  for (const r of rules) {
    const prev = seen.get(r.id);
    if (prev) {
      throw new ErguardError("policy_error", `rule id ${r.id} is used by ${prev.package} and ${r.package}`, { file: r.file });
    }
    seen.set(r.id, r);
  }
}

// `over` merged into `base`, objects key by key, anything else replaced; neither is changed.
export function deepMerge(base: Readonly<Record<string, unknown>>, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function builtinBundle(): BundleSource {
  return { dir: BUILTIN_POLICY_DIR, name: "builtin" };
}

export function userBundle(dir: string): BundleSource {
  return { dir: resolve(dir), name: dir };
}
