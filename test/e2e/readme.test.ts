// The README cannot rot: every `erguard` command of its `sh` blocks runs, in order, with the
// built CLI in a scratch directory that holds the demo estate, and exits as the README says
// (a trailing `# exit N`, else 0). Conventions (the README's Development section names them):
//   <!-- readme-test: not run (reason) -->  the next block needs Azure or other tools: its erguard
//                                           commands are only checked against the options
//                                           `erguard <command> --help` lists;
//   <!-- readme-test: file PATH -->         the next block is written to PATH before the commands run.
// Other lines of a runnable block may only be npm scripts that package.json defines.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { parseConfig } from "../../src/evaluate/config.js";
import { CLI, ROOT, runCli } from "../cli/run-cli.js";

interface Block {
  readonly lang: string;
  readonly body: string;
  readonly line: number; // of the opening fence
  readonly annotation?: string;
}

interface Command {
  readonly text: string;
  readonly line: number;
  readonly exit: number;
}

function blocksOf(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    const before = /^<!--\s*readme-test:\s*(.*?)\s*-->$/.exec(lines[start - 1] ?? "");
    blocks.push({ lang: open[1]!, body: body.join("\n"), line: start + 1, ...(before ? { annotation: before[1]! } : {}) });
  }
  return blocks;
}

// The logical lines of a shell block (backslash continuations joined), without comments-only lines.
function shellLines(block: Block): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  block.body.split("\n").forEach((raw, i) => {
    const line = block.line + 1 + i;
    const continued = raw.endsWith("\\");
    const text = continued ? raw.slice(0, -1) : raw;
    pending = pending ? { text: `${pending.text} ${text.trim()}`, line: pending.line } : { text: text.trim(), line };
    if (continued) return;
    if (pending.text !== "" && !pending.text.startsWith("#")) out.push(pending);
    pending = undefined;
  });
  return out;
}

function erguardCommand(text: string, line: number): Command | undefined {
  if (!/^(npx )?erguard /.test(text)) return undefined;
  const exit = /#\s*exit\s+(\d+)\s*$/.exec(text);
  return { text, line, exit: exit ? Number(exit[1]) : 0 };
}

// The words of a command, as far as the option check needs: quotes grouped, comments dropped.
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(/\s#.*$/, "").matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = blocksOf(readme);
const shellBlocks = blocks.filter((b) => b.lang === "sh");
const notRun = (b: Block): boolean => b.annotation?.startsWith("not run") ?? false;
const runnable = shellBlocks.filter((b) => !notRun(b));
const commands = runnable.flatMap((b) => shellLines(b).flatMap((l) => erguardCommand(l.text, l.line) ?? []));
const checkedOnly = shellBlocks.filter(notRun).flatMap((b) => shellLines(b).flatMap((l) => erguardCommand(l.text, l.line) ?? []));

let sandbox: string;
let env: Record<string, string>;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), "erguard-readme-"));
  for (const dir of ["fixtures", "policies"]) symlinkSync(join(ROOT, dir), join(sandbox, dir));
  const bin = join(sandbox, ".bin");
  mkdirSync(bin);
  // `erguard` is the built CLI; `npx erguard` runs it too.
  writeFileSync(join(bin, "erguard"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  writeFileSync(join(bin, "npx"), `#!/bin/sh\nexec "$@"\n`);
  chmodSync(join(bin, "erguard"), 0o755);
  chmodSync(join(bin, "npx"), 0o755);
  env = { PATH: `${bin}:${process.env["PATH"] ?? ""}`, HOME: sandbox };
  for (const block of blocks) {
    const file = /^file (\S+)$/.exec(block.annotation ?? "")?.[1];
    if (file === undefined) continue;
    mkdirSync(dirname(join(sandbox, file)), { recursive: true });
    writeFileSync(join(sandbox, file), block.body + "\n");
  }
});

afterAll(() => {
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

describe("the README", () => {
  it("has runnable erguard commands, and commands it only checks", () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    expect(checkedOnly.length).toBeGreaterThanOrEqual(3);
  });

  it("runs no other program in a block it does not mark as not run, except npm scripts that exist", () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    for (const block of runnable) {
      for (const { text, line } of shellLines(block)) {
        if (erguardCommand(text, line)) continue;
        for (const part of text.replace(/\s#.*$/, "").split("&&").map((p) => p.trim())) {
          const npm = /^npm (ci|test|start|run (\S+))\b/.exec(part);
          expect(npm, `README.md:${line}: "${part}" is neither erguard nor an npm script; mark the block as not run`).not.toBeNull();
          const script = npm![2] ?? (npm![1] === "ci" ? undefined : npm![1]);
          if (script !== undefined) expect(scripts[script], `README.md:${line}: npm script ${script}`).toBeDefined();
        }
      }
    }
  });

  it("runs each erguard command against the demo estate with the exit code it documents", () => {
    for (const command of commands) {
      const run = spawnSync("bash", ["--norc", "--noprofile", "-c", command.text], { cwd: sandbox, env, encoding: "utf8" });
      expect(run.status, `README.md:${command.line}: ${command.text}\n${run.stderr}`).toBe(command.exit);
    }
    // What the commands say they write.
    expect(JSON.parse(readFileSync(join(sandbox, "reports/results.json"), "utf8"))).toHaveProperty("resultsVersion", 1);
    expect(readFileSync(join(sandbox, "reports/erguard-contoso.html"), "utf8")).toContain("contoso");
  });

  it("shows YAML that parses, an erguard.yaml erguard accepts, and a workflow that uses the action as action.yml defines it", () => {
    const yamlBlocks = blocks.filter((b) => b.lang === "yaml");
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4);
    for (const block of yamlBlocks) {
      for (const doc of parseAllDocuments(block.body)) expect(doc.errors, `README.md:${block.line}`).toEqual([]);
    }

    const config = yamlBlocks.find((b) => b.annotation === "file examples/erguard.yaml");
    const parsed = parseConfig(config!.body, "README.md");
    const rules = new Set((JSON.parse(runCli(["policy", "list", "--format", "json"]).stdout) as { id: string }[]).map((r) => r.id));
    for (const entry of [...(parsed.waivers ?? []), ...(parsed.attestations ?? [])]) expect(rules.has(entry.rule), `rule ${entry.rule}`).toBe(true);

    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: object; outputs: object };
    const workflows = yamlBlocks.map((b) => parse(b.body) as { jobs?: Record<string, { steps: { id?: string; uses?: string; with?: object }[] }> });
    const steps = workflows.flatMap((w) => Object.values(w.jobs ?? {}).flatMap((j) => j.steps));
    const step = steps.find((s) => s.uses?.startsWith("erguard/erguard@"));
    for (const input of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs), `action input ${input}`).toContain(input);
    const used = readme.matchAll(new RegExp(`steps\\.${step!.id}\\.outputs\\.([a-z-]+)`, "g"));
    for (const [, output] of used) expect(Object.keys(action.outputs), `action output ${output}`).toContain(output);
  });

  it("uses only subcommands and options erguard has in the commands it does not run", () => {
    const helps = new Map<string, string>();
    for (const command of checkedOnly) {
      const w = words(command.text.replace(/^npx /, "")).slice(1);
      const sub = w[0] === "policy" ? w.slice(0, 2) : w.slice(0, 1);
      const key = sub.join(" ");
      if (!helps.has(key)) {
        const help = runCli([...sub, "--help"]);
        expect(help.code, `README.md:${command.line}: erguard ${key} is not a command`).toBe(0);
        helps.set(key, help.stdout);
      }
      const known = new Set(helps.get(key)!.match(/--[a-z][a-z-]*/g));
      for (const option of w.filter((x) => x.startsWith("--"))) {
        expect(known.has(option.split("=")[0]!), `README.md:${command.line}: erguard ${key} has no ${option}`).toBe(true);
      }
    }
  });
});
