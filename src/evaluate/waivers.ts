// Waivers from erguard.yaml: an active waiver turns a fail into `waived`; an expired one no
// longer does (the finding stays a fail and names the expired waiver); a waiver that waives
// no failing finding is stale and should be removed.
//
// Applying is idempotent: waivers recorded in the results (by the evaluation, or by an
// earlier report) are undone first, so a saved results.json can be re-reported with today's
// erguard.yaml and today's date.

import picomatch from "picomatch";
import type { ResultEntry, Results, Waiver } from "./results.js";

interface CompiledWaiver {
  readonly waiver: Waiver;
  readonly expired: boolean;
  readonly matches: (entry: ResultEntry) => boolean;
}

export function applyWaivers(results: Results, waivers: readonly Waiver[], now: Date): Results {
  const today = now.toISOString().slice(0, 10);
  const compiled = waivers.map((w) => compile(w, today));
  const used = new Set<CompiledWaiver>();

  const entries = results.results.map((original) => {
    const entry = withoutWaiver(original);
    if (entry.status !== "fail") return entry;
    const matching = compiled.filter((c) => c.matches(entry));
    for (const c of matching) used.add(c);
    const active = matching.find((c) => !c.expired);
    if (active) return { ...entry, status: "waived" as const, waiver: { ...active.waiver, expired: false } };
    const expired = matching[0];
    return expired ? { ...entry, waiver: { ...expired.waiver, expired: true } } : entry;
  });

  return {
    ...results,
    results: entries,
    waivers: {
      expired: compiled.filter((c) => c.expired).map((c) => c.waiver),
      stale: compiled.filter((c) => !c.expired && !used.has(c)).map((c) => c.waiver),
    },
  };
}

function withoutWaiver(entry: ResultEntry): ResultEntry {
  if (entry.waiver === undefined) return entry;
  const { waiver: _dropped, ...rest } = entry;
  return entry.status === "waived" ? { ...rest, status: "fail" } : rest;
}

// Rule ids and Azure resource ids are case-insensitive. A resource-less finding (a string
// finding of a user rule) is matched only by a waiver for every resource (`*` or `**`).
function compile(waiver: Waiver, today: string): CompiledWaiver {
  const rule = picomatch(waiver.rule, { nocase: true });
  const resource = picomatch(waiver.resource, { nocase: true, dot: true });
  const anyResource = waiver.resource === "*" || waiver.resource === "**";
  return {
    waiver,
    // A waiver is valid through the day it names.
    expired: waiver.expires < today,
    matches: (entry) => rule(entry.ruleId) && (entry.resourceId === null ? anyResource : resource(entry.resourceId)),
  };
}
