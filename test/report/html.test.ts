import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyBaseline } from "../../src/evaluate/baseline.js";
import type { ResultEntry } from "../../src/evaluate/results.js";
import { forCustomer } from "../../src/report/customer.js";
import { escapeHtml, html } from "../../src/report/html/escape.js";
import { renderHtml } from "../../src/report/html/report.js";
import { fixture } from "../results-fixtures.js";

function inline(page: string, tag: "style" | "script"): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page);
  if (!match?.[1]) throw new Error(`no inline ${tag}`);
  return match[1];
}

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("HTML attestation (static)", () => {
  it("sets a default-src 'none' policy that admits exactly its inline style and script", async () => {
    const page = renderHtml(await fixture("csp-nightly"));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toBe(
      `default-src 'none'; style-src ${sha(inline(page, "style"))}; script-src ${sha(inline(page, "script"))}; base-uri 'none'; form-action 'none'`.replace(/'/g, "&#39;"),
    );
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<style/g)).toHaveLength(1);
  });

  it("refers to nothing outside the file", async () => {
    const page = renderHtml(await fixture("csp-nightly"));
    expect(page).not.toMatch(/<link|<img|<iframe|\ssrc=|url\(|@import/i);
    expect(page).not.toMatch(/\sstyle="/); // the CSP would block inline style attributes
  });

  it("shows the cover facts: customers, scope, versions and both hashes", async () => {
    const results = await fixture("csp-nightly");
    const page = renderHtml(results);
    for (const fact of [results.policy.sha256, results.snapshot.sha256, "erguard 0.1.0", "contoso, fabrikam, northwind", "2025-06-02 02:14 UTC"]) {
      expect(page).toContain(fact);
    }
    expect(page).toContain('<p class="verdict incomplete">Incomplete: 3 errors, 6 failing findings, 1 waived finding</p>');
  });

  it("escapes every payload a resource can carry", async () => {
    const page = renderHtml(await fixture("hostile"));
    expect(page).not.toContain("<script>window");
    expect(page).not.toContain("<img");
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain("&#60;script&#62;window.__pwned = &#39;script&#39;&#60;/script&#62;");
  });

  it("escapes interpolated text but not nested fragments", () => {
    expect(html`<b>${"<i>"}</b>${html`<i>${"&"}</i>`}`.text).toBe("<b>&#60;i&#62;</b><i>&#38;</i>");
    expect(escapeHtml(`"'`)).toBe("&#34;&#39;");
  });

  it("gives each finding its own name, customer, location and tags, when findings of one resource id differ in them", async () => {
    const results = await fixture("csp-nightly");
    const template = results.results.find((e) => e.status === "fail" && e.customer !== undefined)!;
    const facts = (article: string) => [
      /data-customer="([^"]*)"/.exec(article)?.[1],
      /<\/code> ([^<]*)<\/h4>/.exec(article)?.[1],
      /<dt>Location<\/dt><dd class="mono">[^<]*:(\d+)<\/dd>/.exec(article)?.[1],
      /<dt>Tags<\/dt><dd class="mono">([^<]*)<\/dd>/.exec(article)?.[1],
    ];
    const expected = (e: ResultEntry) => [e.customer, e.resourceName, String(e.snapshotLine), Object.entries(e.tags ?? {}).map(([k, v]) => `${k} = ${v}`).join(", ")];
    // The same resource under a second rule, one fact changed.
    for (const change of [{ customer: "fabrikam" }, { resourceName: "renamed" }, { snapshotLine: 999 }, { tags: { team: "other" } }]) {
      const pair: ResultEntry[] = [template, { ...template, ruleId: "ERG-FT-001", ...change }];
      const articles = [...renderHtml({ ...results, results: pair }).matchAll(/<article[\s\S]*?<\/article>/g)].map((m) => m[0]);
      expect(new Set(articles.map((a) => JSON.stringify(facts(a))))).toEqual(new Set(pair.map((e) => JSON.stringify(expected(e)))));
    }
  });

  it("lists a rule's findings by status, then resource id, whatever order the results come in", async () => {
    const results = await fixture("csp-nightly");
    const template = results.results.find((e) => e.status === "fail")!;
    const entries: ResultEntry[] = ["fail", "unknown", "waived", "fail", "error", "unknown"].flatMap((status, i) =>
      ["/r/b", "/r/a", "/r/c"].map((id) => ({ ...template, status: status as ResultEntry["status"], resourceId: `${id}${i}`, resourceName: `${id}${i}` })),
    );
    const listed = [...renderHtml({ ...results, results: entries }).matchAll(/data-status="(\w+)"[\s\S]*?<\/code> ([^<]*)<\/h4>/g)].map((m) => `${m[1]} ${m[2]}`);
    const rank = (s: string) => ["fail", "error", "unknown", "manual", "waived", "pass"].indexOf(s);
    expect(listed).toEqual(entries.map((e) => `${e.status} ${e.resourceName}`).sort((x, y) => rank(x.split(" ")[0]!) - rank(y.split(" ")[0]!) || (x < y ? -1 : 1)));
  });

  it("shows one customer nothing of another customer's estate", async () => {
    const results = await fixture("csp-nightly");
    const page = renderHtml(forCustomer(results, "fabrikam"));
    expect(page).toContain("fabrikam");
    for (const other of ["contoso", "northwind", "6f1c3b2a-0d4e-4b8f-9a51-2c7d8e9f0a11", "c9b8a7d6-5e4f-4a3b-9c2d-1e0f9a8b7c33"]) {
      expect(page).not.toContain(other);
    }
  });

  it("offers the since-baseline filter and the fixed findings only with a baseline", async () => {
    const plain = renderHtml(await fixture("pr-iac"));
    expect(plain).not.toContain('name="state"');
    const compared = renderHtml(applyBaseline(await fixture("pr-iac"), await fixture("pr-iac-base"), "base.json"));
    expect(compared).toContain('name="state"');
    expect(compared).toContain('<h2 id="fixed">Fixed since the baseline</h2>');
  });

  it("names a few customers on the cover and counts many, whose table then stands without a chart", async () => {
    const results = await fixture("csp-nightly");
    const customers = Array.from({ length: 60 }, (_, i) => ({ name: `customer-${i}`, subscriptions: [] }));
    const many = {
      ...results,
      snapshot: { ...results.snapshot, customers },
      results: results.results.map((e, i) => ({ ...e, customer: `customer-${i % 60}` })),
    };
    const page = renderHtml(many);
    expect(page).toContain("<title>ExpressRoute compliance attestation — 60 customers</title>");
    expect(page).toContain('<p class="subtitle">60 customers</p>');
    expect(page).toContain("customer-0, customer-1, customer-2"); // the cover's facts name them all
    expect(page).not.toContain('aria-label="Controls per customer"');
    expect(page.match(/<tr><td>customer-\d+<\/td>/g)).toHaveLength(60);
    expect(renderHtml(results)).toContain('aria-label="Controls per customer"');
  });

  it("counts a control per customer from that customer's outcomes only", async () => {
    const results = await fixture("csp-nightly");
    const page = renderHtml(results);
    const failedPerCustomer = results.snapshot.customers.map(({ name }) => {
      const failed = new Set(results.results.filter((e) => e.customer === name && e.status === "fail").map((e) => e.ruleId)).size;
      const row = new RegExp(`<tr><td>${name}</td><td class="num">(\\d+)</td><td class="num">(\\d+)</td>`).exec(page);
      expect(Number(row?.[2])).toBe(failed);
      return failed;
    });
    expect(new Set(failedPerCustomer).size).toBeGreaterThan(1); // customers differ
  });
});