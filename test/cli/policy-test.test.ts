import { describe, expect, it } from "vitest";
import { loadPolicyFiles } from "../../src/evaluate/policy-files.js";
import { runPolicyTests } from "../../src/evaluate/policy-test.js";
import { runCli } from "./run-cli.js";

const FIXTURES = "fixtures/policy-test";

describe("erguard policy test", () => {
  it("passes a library whose tests pass, and reports skipped todo tests", () => {
    const r = runCli(["policy", "test", `${FIXTURES}/passing`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("data.example.nsg_test.test_inbound_from_internet_is_denied: PASS");
    expect(r.stdout).toContain("data.example.nsg_test.todo_test_outbound_rules: SKIPPED");
    expect(r.stdout).toMatch(/PASS: 3\/4\nSKIPPED: 1\/4\n$/);
  });

  it("exits 1 when a test fails, and shows its print output with --verbose", () => {
    const quiet = runCli(["policy", "test", `${FIXTURES}/failing`]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toContain("test_fails_with_output: FAIL");
    expect(quiet.stdout).not.toContain("the value was");
    const verbose = runCli(["policy", "test", "--verbose", `${FIXTURES}/failing`]);
    expect(verbose.stdout).toContain("failing_test.rego:10: the value was <undefined>");
  });

  it("reports a test whose evaluation fails as ERROR, with the error", () => {
    const r = runCli(["policy", "test", `${FIXTURES}/erroring`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("test_conflict_is_an_error: ERROR");
    expect(r.stdout).toContain("eval_conflict_error: rule data.example.erroring_test.p produced conflicting values");
  });

  it("exits 2 on a compile error, naming the file and line", () => {
    const r = runCli(["policy", "test", `${FIXTURES}/broken`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`erguard: ${FIXTURES}/broken/broken_test.rego:4:4: rego_unsafe_var_error: var x is unsafe`);
  });

  it("selects tests with --run and prints JSON with --format json", () => {
    const r = runCli(["policy", "test", "--run", "private_range", "--format", "json", `${FIXTURES}/passing`]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { name: string; package: string; fail?: boolean; duration: number }[];
    expect(out.map((t) => [t.package, t.name, t.fail ?? false])).toEqual([
      ["data.example.nsg_test", "test_inbound_from_a_private_range_passes", false],
    ]);
    expect(out[0]!.duration).toBeGreaterThan(0);
  });

  it("runs tests in-process with each outcome", async () => {
    const files = await loadPolicyFiles([`${FIXTURES}/passing`, `${FIXTURES}/failing`, `${FIXTURES}/erroring`]);
    const outcomes = Object.fromEntries(runPolicyTests(files).map((t) => [t.name.split(".").pop(), t.outcome]));
    expect(outcomes).toEqual({
      test_inbound_from_internet_is_denied: "pass",
      test_inbound_from_a_private_range_passes: "pass",
      test_allowed_prefixes_come_from_data: "pass",
      todo_test_outbound_rules: "skip",
      test_passes: "pass",
      test_fails_with_output: "fail",
      test_conflict_is_an_error: "error",
    });
  });
});

describe("erguard policy test --coverage", () => {
  it("reports the lines of the policy modules the tests evaluated, and those they did not", () => {
    const all = runCli(["policy", "test", "--coverage", "--format", "json", `${FIXTURES}/passing`]);
    const full = JSON.parse(all.stdout) as { coverage: { files: Record<string, { notCovered: number[]; coverage: number }>; coverage: number } };
    expect(full.coverage.files[`${FIXTURES}/passing/nsg.rego`]).toMatchObject({ notCovered: [], coverage: 100 });
    expect(Object.keys(full.coverage.files)).toEqual([`${FIXTURES}/passing/nsg.rego`]);

    const one = runCli(["policy", "test", "--coverage", "--run", "private_range", `${FIXTURES}/passing`]);
    expect(one.code).toBe(0);
    // Only the private-range test ran: the line that builds the message was never reached.
    expect(one.stdout).toMatch(/nsg\.rego: \d+(\.\d)?% \(not covered: 14\)/);
  });
});
