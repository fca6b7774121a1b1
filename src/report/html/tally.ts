// One pass over the results for everything the report summarises: per rule, its counts, its
// findings and the first passed resources; per customer, which outcomes each rule had. Every
// section then reads the tally, so that rendering stays linear in the number of entries
// (100,000 resources give some 900,000 entries; scanning them once per rule or customer does not
// scale).

import type { ResultEntry, Results, RuleInfo, Status } from "../../evaluate/results.js";
import type { ControlState } from "./charts.js";

export type Control = ControlState | "na";

// The report lists this many passed resources per rule; results.json holds every one.
export const PASS_LIST_LIMIT = 100;

export interface RuleTally {
  readonly id: string;
  readonly rule: RuleInfo | undefined; // undefined only for an entry naming a rule the results lack
  readonly counts: Record<Status, number>;
  readonly findings: ResultEntry[]; // every outcome but a pass
  readonly passed: ResultEntry[]; // the first PASS_LIST_LIMIT passes
  outcomes: number; // bit set of OUTCOME
}

export interface Tally {
  readonly rules: ReadonlyMap<string, RuleTally>; // in the order of results.rules, then unknown ids
  readonly totals: Readonly<Record<Status, number>>;
  // customer → rule id → bit set of OUTCOME
  readonly customers: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const OUTCOME: Readonly<Record<Status, number>> = { pass: 1, fail: 2, error: 4, unknown: 8, manual: 16, waived: 32 };

export function tally(results: Results): Tally {
  const rules = new Map<string, RuleTally>();
  const fresh = (id: string, rule: RuleInfo | undefined): RuleTally => ({ id, rule, counts: zero(), findings: [], passed: [], outcomes: 0 });
  for (const rule of results.rules) rules.set(rule.id, fresh(rule.id, rule));
  const totals = zero();
  const customers = new Map<string, Map<string, number>>();

  // Entries come grouped by rule, and a customer's resources mostly together: the previous
  // entry's rule and customer are nearly always this one's, which spares most lookups.
  let t: RuleTally | undefined;
  let of: Map<string, number> | undefined;
  let customer: string | undefined;
  let customerOutcomes = 0;
  for (const e of results.results) {
    const outcome = OUTCOME[e.status];
    if (t === undefined || t.id !== e.ruleId) {
      t = rules.get(e.ruleId);
      if (t === undefined) rules.set(e.ruleId, (t = fresh(e.ruleId, undefined)));
      customer = undefined;
    }
    t.counts[e.status]++;
    totals[e.status]++;
    t.outcomes |= outcome;
    if (e.status !== "pass") t.findings.push(e);
    else if (t.passed.length < PASS_LIST_LIMIT) t.passed.push(e);
    if (e.customer !== undefined) {
      if (e.customer !== customer) {
        customer = e.customer;
        of = customers.get(customer);
        if (of === undefined) customers.set(customer, (of = new Map()));
        customerOutcomes = of.get(e.ruleId) ?? 0;
      }
      if ((customerOutcomes | outcome) !== customerOutcomes) of!.set(e.ruleId, (customerOutcomes |= outcome));
    }
  }
  return { rules, totals, customers };
}

// A control's state from the outcomes of its entries: any failure fails it, then errors,
// then undetermined outcomes, then waivers; no entry at all makes it not applicable.
export function controlState(outcomes: number): Control {
  if (outcomes & OUTCOME.fail) return "fail";
  if (outcomes & OUTCOME.error) return "error";
  if (outcomes & (OUTCOME.unknown | OUTCOME.manual)) return "undetermined";
  if (outcomes & OUTCOME.waived) return "waived";
  return outcomes !== 0 ? "pass" : "na";
}

function zero(): Record<Status, number> {
  return { pass: 0, fail: 0, error: 0, unknown: 0, manual: 0, waived: 0 };
}
