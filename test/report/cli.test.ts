import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runReport, type ReportCommandOptions } from "../../src/cli/report.js";
import { loadResults } from "../../src/report/json.js";
import type { SarifLog } from "../../src/report/sarif.js";
import { fixturePath } from "../results-fixtures.js";

const JUNE = new Date("2025-06-02T10:00:00Z");
const MAIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

async function workspace(): Promise<string> {
  return mkdtemp(join(tmpdir(), "erguard-report-"));
}

async function run(cwd: string, file: string, opts: Partial<ReportCommandOptions>, env: NodeJS.ProcessEnv = {}) {
  return runReport(file, { format: "html,sarif,md,json", out: join(cwd, "reports"), ...opts }, { cwd, env, now: JUNE });
}

describe("erguard report", () => {
  it("writes every format into the output directory and gates only when asked", async () => {
    const cwd = await workspace();
    const { written, gate } = await run(cwd, fixturePath("pr-iac"), {});
    expect(written.map((p) => p.slice(cwd.length + 1))).toEqual([
      "reports/erguard.html",
      "reports/erguard.sarif",
      "reports/erguard.md",
      "reports/erguard.results.json",
    ]);
    expect(gate).toBeUndefined();
    expect(await loadResults(join(cwd, "reports/erguard.results.json"))).toEqual(await loadResults(fixturePath("pr-iac")));
  });

  it("writes the full SARIF profile by default and the github one under GitHub Actions", async () => {
    const cwd = await workspace();
    const profile = async (env: NodeJS.ProcessEnv) => {
      await run(cwd, fixturePath("csp-nightly"), { format: "sarif" }, env);
      const log = JSON.parse(await readFile(join(cwd, "reports/erguard.sarif"), "utf8")) as SarifLog;
      return (log.runs[0]["properties"] as { profile: string }).profile;
    };
    expect(await profile({})).toBe("full");
    expect(await profile({ GITHUB_ACTIONS: "true" })).toBe("github");
  });

  it("applies the waivers of erguard.yaml in the working directory, as of today", async () => {
    const cwd = await workspace();
    await writeFile(
      join(cwd, "erguard.yaml"),
      `waivers:
  - rule: ERG-FT-001
    resource: /subscriptions/6f1c3b2a-0d4e-4b8f-9a51-2c7d8e9f0a11/**
    reason: Spoke egress moves to the hub firewall in July
    owner: netops@contoso.example
    expires: 2025-07-31
  - rule: ERG-NSG-001
    resource: "**"
    reason: Old exception
    owner: secops@csp.example
    expires: 2025-01-31
`,
    );
    await run(cwd, fixturePath("csp-nightly"), { format: "json" });
    const out = await loadResults(join(cwd, "reports/erguard.results.json"));
    expect(out.results.find((e) => e.ruleId === "ERG-FT-001")?.status).toBe("waived");
    expect(out.results.find((e) => e.ruleId === "ERG-NSG-001" && e.status !== "pass")).toMatchObject({ status: "fail", waiver: { expired: true } });
    // The waivers recorded in the results were replaced by today's.
    expect(out.results.filter((e) => e.ruleId === "ERG-RED-002").map((e) => e.status)).toEqual(["fail", "pass"]);
    expect(out.waivers.expired.map((w) => w.rule)).toEqual(["ERG-NSG-001"]);
  });

  it("fails on a --config file that does not exist", async () => {
    const cwd = await workspace();
    await expect(run(cwd, fixturePath("pr-iac"), { config: join(cwd, "nope.yaml") })).rejects.toMatchObject({ code: "not_found" });
  });

  it("writes one customer's reports under the customer's name, with only their findings", async () => {
    const cwd = await workspace();
    const { written } = await run(cwd, fixturePath("csp-nightly"), { customer: "fabrikam", format: "json,md" });
    expect(written.map((p) => p.slice(cwd.length + 1))).toEqual(["reports/erguard-fabrikam.results.json", "reports/erguard-fabrikam.md"]);
    const out = await loadResults(join(cwd, "reports/erguard-fabrikam.results.json"));
    expect(new Set(out.results.map((e) => e.customer))).toEqual(new Set(["fabrikam"]));
    expect(out.snapshot.source.errors).toEqual([]); // the throttled subscription is northwind's
    await expect(run(cwd, fixturePath("csp-nightly"), { customer: "tailspin" })).rejects.toThrow(
      /--customer "tailspin" is not in these results \(customers: "contoso", "fabrikam", "northwind"\)/,
    );
  });

  it("with --baseline and --fail-on gates on new findings only", async () => {
    const cwd = await workspace();
    const high = await run(cwd, fixturePath("pr-iac"), { baseline: fixturePath("pr-iac-base"), failOn: "high", format: "md" });
    expect(high.gate).toEqual({ code: 1, reason: "1 new failing finding at or above high" });
    expect(await readFile(join(cwd, "reports/erguard.md"), "utf8")).toContain("(1 new)");
  });

  it("refuses an unknown format before writing anything", async () => {
    const cwd = await workspace();
    await expect(run(cwd, fixturePath("pr-iac"), { format: "html,pdf" })).rejects.toThrow(/--format "html,pdf": choose from html, sarif, md, json/);
    expect(existsSync(join(cwd, "reports"))).toBe(false);
  });
});

describe("erguard report (the built command)", () => {
  function erguard(cwd: string, ...args: string[]) {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    return spawnSync(process.execPath, [MAIN, "report", ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
  }

  it("exits 1 on failing findings at or above --fail-on, 0 below, and 2 on an incomplete scan", async () => {
    const cwd = await workspace();
    const failing = erguard(cwd, fixturePath("pr-iac"), "--fail-on", "critical", "--format", "md");
    expect(failing.stderr).toBe("erguard: 1 failing finding at or above critical\n");
    expect(failing.stdout).toBe(`wrote reports/erguard.md\n`);
    expect(failing.status).toBe(1);
    expect(erguard(cwd, fixturePath("pr-iac"), "--fail-on", "none", "--format", "md").status).toBe(0);
    const incomplete = erguard(cwd, fixturePath("csp-nightly"), "--fail-on", "none", "--format", "md");
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toMatch(/^erguard: the results are incomplete: /);
  });

  it("exits 2 with the file and line, and no stack trace, on a broken results file", async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, "broken.json"), '{\n  "resultsVersion": 1,\n  "tool": nope\n}\n');
    const broken = erguard(cwd, "broken.json");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe("erguard: broken.json:3:11: not a results file: invalid JSON\n");
    expect(await readdir(cwd)).toEqual(["broken.json"]);
  });
});
