// The process exit code of a scan or report gate (DESIGN.md):
//   0  no failing finding at or above --fail-on
//   1  failing findings at or above it (with --baseline: only new ones count)
//   2  the results cannot be trusted: a rule errored or the collection was incomplete.
// Waived, unknown and manual entries never fail the gate; errors always do, whatever the
// threshold, because a rule that did not run is not a pass.

import { SEVERITIES, atLeast, scanProblems, type Results, type Severity } from "./results.js";

export type FailOn = Severity | "none";
export const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, "none"];

export interface GateOutcome {
  readonly code: 0 | 1 | 2;
  readonly reason: string;
}

export function gate(results: Results, failOn: FailOn): GateOutcome {
  const problems = scanProblems(results);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    const first = problems[0]!;
    const where = first.kind === "collection" ? `collection incomplete for ${first.where}` : first.where;
    return { code: 2, reason: `the results are incomplete: ${where}: ${first.message}${more}` };
  }
  if (failOn === "none") return { code: 0, reason: "--fail-on none: findings do not fail" };

  const withBaseline = results.baseline !== undefined;
  const failing = results.results.filter(
    (e) => e.status === "fail" && atLeast(e.severity, failOn) && (!withBaseline || e.baselineState === "new"),
  );
  const what = `${withBaseline ? "new " : ""}failing finding${failing.length === 1 ? "" : "s"} at or above ${failOn}`;
  return failing.length > 0 ? { code: 1, reason: `${failing.length} ${what}` } : { code: 0, reason: `no ${what}` };
}
