import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULE_DOC_MARKER } from "../../src/evaluate/rule-docs.js";
import { ROOT, runCli } from "./run-cli.js";

const scratch = mkdtempSync(join(tmpdir(), "erguard-policy-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A user bundle with one rule, as `--policy DIR` takes it.
function userBundle(): string {
  const dir = join(scratch, "bundle");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "tags.rego"),
    [
      "# METADATA",
      "# title: Circuits carry an owner tag",
      "# description: Every circuit names the team that answers for it.",
      "# custom:",
      "#   id: ACME-001",
      "#   severity: low",
      "#   baseline: hygiene",
      "#   resource_types: [microsoft.network/expressroutecircuits]",
      "package acme.tags",
      "",
      'deny contains {"resource": c.id, "message": "no owner tag"} if {',
      "\tsome c in input.resources",
      '\tnot c.tags.owner',
      "}",
      "",
    ].join("\n"),
  );
  return dir;
}

describe("erguard policy list", () => {
  it("prints one line per built-in rule with id, severity, baseline and title", () => {
    const r = runCli(["policy", "list"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+SEVERITY\s+BASELINE\s+TITLE$/);
    expect(r.stdout).toMatch(/\nCSP-ISO-001\s+critical\s+isolation\s+Circuit reaches only virtual networks of its own customer\n/);
    expect(r.stdout).toMatch(/\nER-CIRCUIT-013\s+medium\s+redundancy\s+BFD is enabled on the edge routers of the circuit \(attestation\)\n/);
    const docs = readdirSync(join(ROOT, "docs", "rules")).filter((f) => f.endsWith(".md") && f !== "README.md");
    expect(lines.length - 1).toBe(docs.length);
  });

  it("prints JSON with --format json, and includes the rules of --policy bundles", () => {
    const r = runCli(["policy", "list", "--format", "json", "--policy", userBundle()]);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; severity: string; baseline: string; title: string; manual: boolean }[];
    expect(rules.find((x) => x.id === "NSG-002")).toEqual({
      id: "NSG-002",
      severity: "critical",
      baseline: "nsg",
      title: "NSG does not open management ports to the Internet",
      manual: false,
    });
    expect(rules.find((x) => x.id === "ACME-001")?.baseline).toBe("hygiene");
    expect(rules.filter((x) => x.manual).map((x) => x.id).sort()).toEqual(["CSP-RED-003", "ER-CIRCUIT-013"]);
  });

  it("rejects an unknown format with exit code 2", () => {
    const r = runCli(["policy", "list", "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown --format "xml"');
  });
});

describe("erguard policy docs", () => {
  it("writes the committed pages, replaces stale generated pages and keeps hand-written ones", () => {
    const out = join(scratch, "docs");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "OLD-001.md"), `# gone\n\n${RULE_DOC_MARKER}\n`);
    writeFileSync(join(out, "NOTES.md"), "written by hand\n");
    const r = runCli(["policy", "docs", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote \d+ rule pages and an index/);
    const written = readdirSync(out).sort();
    expect(written).not.toContain("OLD-001.md");
    expect(written).toContain("NOTES.md");
    const committed = readdirSync(join(ROOT, "docs", "rules")).sort();
    expect(written.filter((f) => f !== "NOTES.md")).toEqual(committed);
    const page = readFileSync(join(out, "NSG-004.md"), "utf8");
    expect(page).toBe(readFileSync(join(ROOT, "docs", "rules", "NSG-004.md"), "utf8"));
    expect(page).toContain("## What fails");
    expect(page).toContain("### Terraform (azurerm)");
    expect(page).toContain("| Azure Policy built-in definition | `e71308d3-144b-4262-b144-efdc3cc90517` |");
  });
});
