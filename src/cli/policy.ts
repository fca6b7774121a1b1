// erguard policy: work on Rego policies: test them, list the rules, document them.
import type { Command } from "commander";
import { collectValues } from "./source-options.js";

export interface PolicyTestCliOptions {
  run?: string;
  verbose?: boolean;
  coverage?: boolean;
  format: string;
}

export interface PolicyListCliOptions {
  policy: string[];
  format: string;
}

export interface PolicyDocsCliOptions {
  policy: string[];
  out: string;
}

export function registerPolicy(program: Command): Command {
  const policy = program.command("policy").description("test, list and document Rego policies");
  policy
    .command("test")
    .description("run the test_* rules of Rego policies (like opa test)")
    .argument("[paths...]", "files and directories of .rego modules and data.json/data.yaml files", ["policies"])
    .option("--run <regex>", "only tests whose full name (data.pkg.test_x) matches")
    .option("-v, --verbose", "show print() output of failing tests")
    .option("--coverage", "report which lines of the policy modules the tests evaluated")
    .option("-f, --format <format>", "pretty or json", "pretty")
    .action(async (paths: string[], opts: PolicyTestCliOptions) => {
      const { runPolicyTestCommand } = await import("./policy-test-run.js");
      process.exitCode = await runPolicyTestCommand(paths, opts);
    });
  policy
    .command("list")
    .description("list the rules of the built-in bundle (id, severity, baseline, title)")
    .option("--policy <dir>", "also list the rules of this bundle directory (repeatable)", collectValues, [] as string[])
    .option("-f, --format <format>", "pretty or json", "pretty")
    .action(async (opts: PolicyListCliOptions) => {
      const { runPolicyListCommand } = await import("./policy-list-run.js");
      process.exitCode = await runPolicyListCommand(opts);
    });
  policy
    .command("docs")
    .description("write one Markdown page per rule, from its METADATA, and an index")
    .option("--policy <dir>", "also document the rules of this bundle directory (repeatable)", collectValues, [] as string[])
    .option("-o, --out <dir>", "the directory to write the pages to", "docs/rules")
    .action(async (opts: PolicyDocsCliOptions) => {
      const { runPolicyDocsCommand } = await import("./policy-docs-run.js");
      process.exitCode = await runPolicyDocsCommand(opts);
    });
  return policy;
}
