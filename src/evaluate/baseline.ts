// The "don't make it worse" mode of the PR gate: compare a run with a previous one
// (--baseline previous-results.json) by fingerprint. Each finding of this run is new or
// existing; findings of the previous run that are gone are listed as fixed.

import { isFinding, type Results } from "./results.js";

export function applyBaseline(current: Results, previous: Results, previousFile: string): Results {
  const before = new Set(previous.results.filter(isFinding).map((e) => e.fingerprint));
  const now = new Set(current.results.filter(isFinding).map((e) => e.fingerprint));

  const results = current.results.map((entry) => {
    const { baselineState: _stale, ...rest } = entry;
    if (!isFinding(entry)) return rest;
    return { ...rest, baselineState: before.has(entry.fingerprint) ? ("existing" as const) : ("new" as const) };
  });

  const fixed = new Map<string, { ruleId: string; resourceId: string | null; fingerprint: string }>();
  for (const e of previous.results) {
    if (isFinding(e) && !now.has(e.fingerprint)) {
      fixed.set(e.fingerprint, { ruleId: e.ruleId, resourceId: e.resourceId, fingerprint: e.fingerprint });
    }
  }

  return {
    ...current,
    results,
    baseline: { file: previousFile, evaluatedAt: previous.evaluatedAt },
    fixed: [...fixed.values()],
  };
}
