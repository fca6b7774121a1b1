// One measured scan of a snapshot, stage by stage, in a process of its own (so that peak RSS
// is this scan's): prints one JSON object on stdout. Run by bench/run.ts.
//   node bench/stages.ts estate.json            the whole bundle and every report
//   node bench/stages.ts estate.json --native   the five native rules against the same five in Rego

import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinBundle, loadBundles } from "../dist/evaluate/bundle.js";
import { evaluateSnapshot } from "../dist/evaluate/evaluate.js";
import { effectivePolicyConfig } from "../dist/evaluate/policy-config.js";
import { render } from "../dist/report/index.js";
import { renderJsonChunks } from "../dist/report/json.js";
import { writeFilesAtomically } from "../dist/report/write.js";
import { loadSnapshot } from "../dist/snapshot/load.js";
import { textSha256 } from "../dist/snapshot/text-sha256.js";
import { runNative, RULE_IDS } from "./native-rules.ts";

const file = process.argv[2]!;
const native = process.argv.includes("--native");
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const out: Record<string, unknown> = {};

let t = performance.now();
const text = readFileSync(file, "utf8");
out["readMs"] = ms(t);
t = performance.now();
JSON.parse(text);
out["jsonParseMs"] = ms(t);

const wall = performance.now();
// As erguard scan does: the snapshot text is hashed in another thread while it is parsed.
const snapshotSha256 = textSha256(text);
t = performance.now();
const snapshot = await loadSnapshot(file);
out["loadValidateMs"] = ms(t);
out["resources"] = snapshot.resources.length;

t = performance.now();
const bundle = await loadBundles([builtinBundle()]);
out["compileBundleMs"] = ms(t);
out["rules"] = bundle.rules.length;

t = performance.now();
{
  // A session of its own, dropped afterwards: its indexes do not weigh on the scan's memory.
  const indexSession = bundle.policy.session({ inputValue: snapshot as never, data: bundle.data, print: () => {} });
  indexSession.values("x := data.erguard.lib.resources.by_type");
  indexSession.values("x := data.erguard.lib.resources.by_id");
}
out["indexMs"] = ms(t);

if (native) {
  const resources = snapshot.resources as never;
  t = performance.now();
  const nativeFailures = runNative(resources);
  out["nativeMs"] = ms(t);
  // CSP-FT-003 checks the route tables of customers that require forced tunneling; the native
  // rule checks every route table, so here every customer requires it.
  const policyConfig = effectivePolicyConfig(bundle, { file: "bench", policy: { customer_defaults: { forced_tunneling: true } } })!;
  const erguardData = bundle.data["erguard"] as Record<string, unknown>;
  const data = { ...bundle.data, erguard: { ...erguardData, config: policyConfig } };
  // The engine alone: the five rules' deny and unknown sets in a fresh session, with every
  // index they need built inside the timing (as the native rules build theirs).
  t = performance.now();
  const session = bundle.policy.session({ inputValue: snapshot as never, data: data as never, print: () => {} });
  const denied: Record<string, Set<string>> = {};
  for (const [name, id] of Object.entries(RULE_IDS)) {
    const pkg = bundle.rules.find((r) => r.id === id)!.package;
    const [row] = session.values(`x := ${pkg}.deny`);
    session.values(`x := ${pkg}.unknown`);
    denied[name] = new Set([...((row?.["x"] ?? []) as Iterable<{ resource: string }>)].map((f) => f.resource.toLowerCase()));
  }
  out["regoFiveMs"] = ms(t);
  // The same five through evaluateSnapshot: with a pass entry per resource in scope, fingerprints
  // and sorting, what a scan of these rules costs.
  t = performance.now();
  const rego = evaluateSnapshot({ snapshot, bundle, policyConfig, only: Object.values(RULE_IDS) });
  out["regoFiveResultsMs"] = ms(t);
  out["nativeFailures"] = Object.fromEntries(Object.entries(nativeFailures).map(([k, v]) => [k, v.length]));
  out["regoFailures"] = Object.fromEntries(Object.entries(denied).map(([k, v]) => [k, v.size]));
  out["regoResultFailures"] = Object.fromEntries(
    Object.entries(RULE_IDS).map(([k, id]) => [k, rego.results.filter((e) => e.ruleId === id && e.status === "fail").length]),
  );
  out["regoRulesFound"] = rego.rules.map((r) => r.id);
  process.stdout.write(JSON.stringify(out) + "\n");
  process.exit(0);
}

t = performance.now();
let last = performance.now();
const perRule: { id: string; ms: number }[] = [];
const results = evaluateSnapshot({
  snapshot,
  snapshotText: text,
  snapshotSha256: await snapshotSha256,
  snapshotFile: file,
  bundle,
  onRule: (_done, _total, rule) => {
    const now = performance.now();
    perRule.push({ id: rule.id, ms: Math.round((now - last) * 10) / 10 });
    last = now;
  },
});
out["evaluateMs"] = ms(t);
out["entries"] = results.results.length;
out["findings"] = results.results.filter((e) => e.status === "fail").length;
out["topRules"] = perRule.sort((a, b) => b.ms - a.ms).slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), "erguard-bench-"));
try {
  // Each report is streamed to its file as erguard scan writes it.
  const write = async (name: string, chunks: () => Iterable<string>) => {
    const t0 = performance.now();
    await writeFilesAtomically([{ path: join(dir, name), chunks }]);
    return ms(t0);
  };
  out["sarifMs"] = await write("erguard.sarif", () => render(results, "sarif", { sarif: { profile: "full" } }));
  out["htmlMs"] = await write("erguard.html", () => render(results, "html", { sarif: { profile: "full" } }));
  out["mdMs"] = await write("erguard.md", () => render(results, "md", { sarif: { profile: "full" } }));
  out["jsonMs"] = await write("results.json", () => renderJsonChunks(results));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// The index stage above runs in a session of its own, for its figure; the scan builds the same
// indexes again inside evaluate, so it is not counted twice.
out["scanMs"] = Math.round((performance.now() - wall - (out["indexMs"] as number)) * 10) / 10;
out["peakRssMb"] = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify(out) + "\n");
