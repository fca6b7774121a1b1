import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "erguard-eval-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("erguard eval", () => {
  it("prints expressions and bindings as opa eval --format json does", () => {
    const dir = workdir({
      "p.rego": 'package demo\nallow if input.user == "alice"\nnames contains n if some n in input.names\n',
      "in.json": JSON.stringify({ user: "alice", names: ["b", "a"] }),
    });
    const r = runCli(["eval", "-d", dir, "-i", join(dir, "in.json"), "data.demo.allow; x := data.demo.names"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      result: [
        {
          expressions: [
            { value: true, text: "data.demo.allow", location: { row: 1, col: 1 } },
            { value: true, text: "x := data.demo.names", location: { row: 1, col: 18 } },
          ],
          bindings: { x: ["a", "b"] },
        },
      ],
    });
  });

  it("prints an empty object when the query is undefined", () => {
    const dir = workdir({ "p.rego": "package demo\nallow if input.user == \"alice\"\n" });
    const r = runCli(["eval", "-d", dir, "data.demo.allow"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({});
  });

  it("reads data documents at their directory's path", () => {
    const dir = workdir({ "data.json": JSON.stringify({ limits: { max: 3 } }) });
    const r = runCli(["eval", "-d", dir, "x := data.limits.max"]);
    expect(JSON.parse(r.stdout).result[0].bindings).toEqual({ x: 3 });
  });

  it("reports a parse error with file, line and column, exit code 2 and no stack trace", () => {
    const dir = workdir({ "bad.rego": "package p\n\nallow if {\n  x :=\n}\n" });
    const r = runCli(["eval", "-d", join(dir, "bad.rego"), "data.p"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe(`erguard: ${join(dir, "bad.rego")}:5:1: rego_parse_error: unexpected } token: expected term`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a missing input file and a bad query with exit code 2", () => {
    const missing = runCli(["eval", "-i", "/nonexistent/input.json", "x := 1"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("erguard: /nonexistent/input.json: no such file or directory");
    const badQuery = runCli(["eval", "x :="]);
    expect(badQuery.code).toBe(2);
    expect(badQuery.stderr).toContain("rego_parse_error");
  });
});
