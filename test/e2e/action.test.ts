// action.yml, the GitHub Action: its inputs are `erguard scan` options, every input reaches the
// scan, and its scan step — run here with bash as the runner would, against the demo estate —
// passes the inputs as arguments (never as shell code) and writes the outputs it declares.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "../cli/run-cli.js";

interface ActionInput {
  readonly description: string;
  readonly default?: string;
}

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

interface Action {
  readonly inputs: Record<string, ActionInput>;
  readonly outputs: Record<string, { readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
const scanStep = action.runs.steps.find((s) => s.id === "scan")!;
// Inputs of the action itself rather than of erguard scan.
const ACTION_ONLY = new Set(["inputs", "node-version"]);

const scanHelp = runCli(["scan", "--help"]).stdout;
const scanOptions = new Set(scanHelp.match(/--[a-z][a-z-]*/g));
// The default `erguard scan --help` shows for an option (strings and booleans; lists have none).
function scanDefault(option: string): string | undefined {
  const entries = scanHelp.split(/\n(?= {2}-)/);
  const entry = entries.find((e) => new RegExp(`--${option}\\b(?!-)`).test(e))?.replace(/\s+/g, " ");
  const m = entry === undefined ? null : /default: (?:"([^"]*)"|(true|false))\)/.exec(entry);
  return m ? (m[1] ?? m[2]) : undefined;
}

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("action.yml", () => {
  it("is a composite action that sets up Node.js 22 or newer", () => {
    expect(action.runs.using).toBe("composite");
    const setup = action.runs.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.["node-version"]).toBe("${{ inputs.node-version }}");
    expect(Number(action.inputs["node-version"]?.default)).toBeGreaterThanOrEqual(22);
  });

  it("names each input after the erguard scan option it sets", () => {
    const inputs = Object.keys(action.inputs).filter((name) => !ACTION_ONLY.has(name));
    expect(inputs.length).toBeGreaterThan(15);
    for (const name of inputs) expect(scanOptions.has(`--${name}`), `erguard scan has no --${name}`).toBe(true);
  });

  it("defaults the inputs to what erguard scan defaults to, except where the report folder goes", () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      const cli = scanDefault(name);
      if (cli === undefined || name === "out") continue;
      expect(input.default, `input ${name}`).toBe(cli);
    }
    expect(action.inputs["format"]?.default).toBe("sarif,html,json,md");
  });

  it("hands every input to the scan step through the environment, and the script passes each on", () => {
    const env = scanStep.env ?? {};
    const script = scanStep.run ?? "";
    for (const name of Object.keys(action.inputs).filter((n) => n !== "node-version")) {
      const variable = Object.keys(env).find((k) => env[k] === `\${{ inputs.${name} }}`);
      expect(variable, `input ${name} is not in the scan step's environment`).toBeDefined();
      expect(script, `the script does not use ${variable}`).toContain(`"$${variable}"`);
      if (!ACTION_ONLY.has(name)) expect(script).toMatch(new RegExp(`(one|each|flag) --${name} "\\$${variable}"`));
    }
    // Inputs are never pasted into the script, where they could be shell code.
    expect(script).not.toContain("${{");
  });

  it("declares outputs that the scan step writes", () => {
    const script = scanStep.run ?? "";
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.scan.outputs.${name} }}`);
      expect(script).toContain(`"${name}=`);
    }
  });

  it("scans the demo estate as the runner would run its script, writing the outputs and exiting as the scan does", () => {
    dir = mkdtempSync(join(tmpdir(), "erguard-action-"));
    const outputFile = join(dir, "github-output");
    const defaults = Object.fromEntries(
      Object.entries(scanStep.env ?? {}).map(([k, v]) => [k, action.inputs[/inputs\.([a-z-]+)/.exec(v)![1]!]?.default ?? ""]),
    );
    const marker = join(dir, "injected");
    const run = spawnSync("bash", ["--norc", "--noprofile", "-c", scanStep.run!], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: dir,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: outputFile,
        ...defaults,
        ERGUARD_INPUTS: "\n  fixtures/estates/demo/snapshot.json  \n",
        ERGUARD_CONFIG: "fixtures/estates/demo/erguard.yaml",
        ERGUARD_OUT: join(dir, "reports"),
        ERGUARD_SKIP: "ACME-*\nNOTHING-*",
        // An input that would be shell code if the script pasted it in.
        ERGUARD_CATEGORY: `infra$(touch ${marker})`,
      },
    });
    expect(run.status, run.stderr).toBe(1);
    expect(existsSync(marker)).toBe(false);
    const outputs = Object.fromEntries(
      readFileSync(outputFile, "utf8")
        .trim()
        .split("\n")
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(outputs).toEqual({
      "exit-code": "1",
      results: join(dir, "reports/results.json"),
      sarif: join(dir, "reports/erguard.sarif"),
      html: join(dir, "reports/erguard.html"),
      snapshot: "fixtures/estates/demo/snapshot.json",
    });
    for (const file of [outputs["results"], outputs["sarif"], outputs["html"]]) expect(existsSync(file!)).toBe(true);
    const sarif = JSON.parse(readFileSync(outputs["sarif"]!, "utf8")) as { runs: { automationDetails?: { id?: string } }[] };
    expect(sarif.runs[0]?.automationDetails?.id).toContain(`infra$(touch ${marker})`);
  });
});
