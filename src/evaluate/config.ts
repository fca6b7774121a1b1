// erguard.yaml: waivers, attestations and policy parameters of a repository or an estate.
// Found in the working directory, or given with --config. Checked against a schema; every
// problem names its line.
//
//   waivers:
//     - rule: ERG-RED-002            # rule id or glob
//       resource: /subscriptions/*/resourceGroups/rg-legacy/**   # resource id glob
//       reason: Gateway migration scheduled (CHG-20931)
//       owner: netops@example.com
//       expires: 2025-12-31          # valid through that day
//   attestations:
//     - rule: ERG-ENC-002
//       resource: /subscriptions/…/expressRouteCircuits/er-1
//       evidence: https://wiki.example.com/reviews/er-1-firewalls
//       attestedBy: ciso@example.com
//       date: 2025-05-01
//   policy: { … }                    # parameters for the bundle (data.erguard.config), checked by the evaluation

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Document, LineCounter } from "yaml";
import { ErguardError } from "../errors.js";
import { yaml } from "../lazy-libraries.js";
import type { Attestation, Waiver } from "./results.js";
import { describePath, schemaCheck } from "./schema-check.js";

export interface ErguardConfig {
  readonly file: string;
  // Undefined when the section is absent, so that callers can tell "no waivers" (an empty
  // list: undo any recorded waivers) from "not configured here" (leave results as they are).
  readonly waivers?: readonly Waiver[];
  readonly attestations?: readonly Attestation[];
  // Free-form here; the evaluation checks it against the bundle's parameters.
  readonly policy?: Readonly<Record<string, unknown>>;
}

export const CONFIG_FILE_NAMES = ["erguard.yaml", "erguard.yml"] as const;

const text = { type: "string", minLength: 1 } as const;
const date = { type: "string", format: "date" } as const;

export const WAIVER_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["rule", "resource", "reason", "owner", "expires"],
  properties: { rule: text, resource: text, reason: text, owner: text, expires: date },
} as const;

export const ATTESTATION_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["rule", "resource", "evidence", "attestedBy", "date"],
  properties: { rule: text, resource: text, evidence: text, attestedBy: text, date, expires: date },
} as const;

const CONFIG_SCHEMA = {
  type: ["object", "null"],
  additionalProperties: false,
  properties: {
    waivers: { type: ["array", "null"], items: WAIVER_SCHEMA },
    attestations: { type: ["array", "null"], items: ATTESTATION_SCHEMA },
    policy: { type: ["object", "null"] },
  },
} as const;

const checkConfig = schemaCheck(CONFIG_SCHEMA);

// The given file, else erguard.yaml (or .yml) in `cwd`, else undefined.
export async function loadConfig(options: { readonly file?: string; readonly cwd: string }): Promise<ErguardConfig | undefined> {
  if (options.file !== undefined) {
    const found = await readIfExists(options.file);
    if (found === undefined) throw new ErguardError("not_found", "config file not found", { file: options.file });
    return parseConfig(found, options.file);
  }
  for (const name of CONFIG_FILE_NAMES) {
    const found = await readIfExists(join(options.cwd, name));
    if (found !== undefined) return parseConfig(found, name);
  }
  return undefined;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ErguardError("bad_config", `cannot read config: ${(err as Error).message}`, { file }, { cause: err });
  }
}

export function parseConfig(source: string, file: string): ErguardConfig {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    const at = lineCounter.linePos(syntax.pos[0]);
    throw new ErguardError("bad_config", `invalid YAML: ${firstLine(syntax.message)}`, { file, line: at.line, column: at.col });
  }
  const value: unknown = doc.toJS();
  const problem = checkConfig(value)[0];
  if (problem !== undefined) {
    const where = describePath(problem.path);
    throw new ErguardError("bad_config", `${where ? where + ": " : ""}${problem.message}`, {
      file,
      ...lineOf(doc, lineCounter, problem.path),
    });
  }
  const sections = (value ?? {}) as { waivers?: Waiver[] | null; attestations?: Attestation[] | null; policy?: Record<string, unknown> | null };
  return {
    file,
    ...(sections.waivers !== undefined ? { waivers: sections.waivers ?? [] } : {}),
    ...(sections.attestations !== undefined ? { attestations: sections.attestations ?? [] } : {}),
    ...(sections.policy !== undefined ? { policy: sections.policy ?? {} } : {}),
  };
}

// The line of the key at the end of `path` (its value may start on a later line), or of the
// nearest existing ancestor (a missing property points at the mapping that should hold it).
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): { line?: number; column?: number } {
  const { isMap, isScalar } = yaml();
  for (let n = path.length; n >= 0; n--) {
    const last = path[n - 1];
    const parent: unknown = n <= 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const key = isMap(parent) && typeof last === "string" ? parent.items.find((p) => isScalar(p.key) && p.key.value === last)?.key : undefined;
    const node: unknown = key ?? (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true));
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      const at = lineCounter.linePos(range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return {};
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
