// erguard policy list: the rules of the built-in bundle (and of --policy bundles), one line
// each, or as JSON.
import { ErguardError } from "../errors.js";
import { builtinBundle, loadBundles, userBundle } from "../evaluate/bundle.js";
import type { RuleInfo } from "../evaluate/results.js";
import type { PolicyListCliOptions } from "./policy.js";

export async function runPolicyListCommand(opts: PolicyListCliOptions): Promise<number> {
  if (opts.format !== "pretty" && opts.format !== "json") {
    throw new ErguardError("bad_config", `unknown --format ${JSON.stringify(opts.format)}: expected pretty or json`);
  }
  const bundle = await loadBundles([builtinBundle(), ...opts.policy.map(userBundle)]);
  const rows = bundle.rules.map((r) => ({ id: r.id, severity: r.severity, baseline: r.baseline, title: r.title, manual: r.manual }));
  process.stdout.write(opts.format === "json" ? JSON.stringify(rows, null, 2) + "\n" : table(bundle.rules));
  return 0;
}

function table(rules: readonly RuleInfo[]): string {
  const header = ["ID", "SEVERITY", "BASELINE", "TITLE"];
  const rows = rules.map((r) => [r.id, r.severity, r.baseline, r.title.replace(/\s+/g, " ") + (r.manual ? " (attestation)" : "")]);
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join("  ");
  return [line(header), ...rows.map(line), ""].join("\n");
}
