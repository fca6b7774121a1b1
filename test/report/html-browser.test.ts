/// <reference lib="dom" />
// The HTML attestation in a real browser: Debian's Chromium, headless, through playwright-core.
// Skipped (saying why) only on a developer machine without /usr/bin/chromium; under CI=true a
// missing browser fails the run instead.

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBaseline } from "../../src/evaluate/baseline.js";
import { fingerprintOf, type ResultEntry, type Results, type Status } from "../../src/evaluate/results.js";
import { renderHtml } from "../../src/report/html/report.js";
import { PASS_LIST_LIMIT } from "../../src/report/html/tally.js";
import { fixture } from "../results-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const ON_CI = ["true", "1"].includes((process.env["CI"] ?? "").toLowerCase());
const SKIP = !existsSync(CHROMIUM) && !ON_CI;
const ARTIFACTS = fileURLToPath(new URL("../../test-results/", import.meta.url));

interface Opened {
  readonly page: Page;
  readonly problems: string[]; // console errors, page errors, dialogs
  readonly requests: string[]; // every request other than the report itself
}

describe.skipIf(SKIP)(`HTML attestation in headless Chromium${SKIP ? ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)` : ""}`, () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    dir = await mkdtemp(join(tmpdir(), "erguard-html-"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(results: Results, name: string): Promise<Opened> {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderHtml(results));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    // Anything that would leave the page is stopped as well as recorded.
    await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: "load" });
    return { page, problems, requests };
  }

  const visible = (page: Page) => page.locator("article.finding:not([hidden])").count();

  it("opens the demo estate's report with no console error and no request leaving the page, and saves a screenshot", async () => {
    const { page, problems, requests } = await open(await fixture("csp-nightly"), "csp-nightly");
    expect(await page.title()).toBe("ExpressRoute compliance attestation — contoso, fabrikam, northwind");
    // The inline script ran (it un-hides the filters) and the inline style applied: both hashes hold.
    await expect.poll(() => page.locator("#filters").isVisible()).toBe(true);
    expect(await page.locator(".verdict").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 255, 255)");
    expect(await page.locator("svg.chart rect").count()).toBeGreaterThan(10);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "erguard-report-csp-nightly.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  });

  it("filters findings by severity, baseline, customer, status and free text", async () => {
    const results = await fixture("csp-nightly");
    const { page, problems } = await open(results, "filters");
    const nonPass = results.results.filter((e) => e.status !== "pass");
    const count = page.locator("#filter-count");
    expect(await visible(page)).toBe(nonPass.length);
    await expect.poll(() => count.textContent()).toBe(`Showing ${nonPass.length} of ${nonPass.length} findings`);

    await page.selectOption('select[name="severity"]', "high");
    expect(await visible(page)).toBe(nonPass.filter((e) => e.severity === "high").length);

    await page.selectOption('select[name="customer"]', "contoso");
    expect(await visible(page)).toBe(nonPass.filter((e) => e.severity === "high" && e.customer === "contoso").length);

    await page.selectOption('select[name="severity"]', "");
    await page.selectOption('select[name="baseline"]', "encryption");
    const contosoEncryption = nonPass.filter((e) => e.baseline === "encryption" && e.customer === "contoso");
    expect(await visible(page)).toBe(contosoEncryption.length);
    expect(contosoEncryption.length).toBe(2); // a fail and a manual outcome

    await page.selectOption('select[name="status"]', "manual");
    expect(await visible(page)).toBe(1);

    await page.selectOption('select[name="status"]', "");
    await page.selectOption('select[name="baseline"]', "");
    await page.selectOption('select[name="customer"]', "");
    await page.fill('input[name="text"]', "NSG-CONTOSO-JUMP");
    expect(await visible(page)).toBe(1);
    expect(await page.locator("article.finding:not([hidden]) h4").textContent()).toContain("ERG-NSG-001");
    await expect.poll(() => count.textContent()).toBe(`Showing 1 of ${nonPass.length} findings`);

    // Free text reaches into the evidence, too.
    await page.fill('input[name="text"]', "CC-4410");
    expect(await visible(page)).toBe(nonPass.filter((e) => e.tags?.["costCenter"] === "CC-4410").length);

    await page.fill('input[name="text"]', "");
    expect(await visible(page)).toBe(nonPass.length);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("filters findings new since the baseline", async () => {
    const compared = applyBaseline(await fixture("pr-iac"), await fixture("pr-iac-base"), "base.json");
    const { page, problems } = await open(compared, "baseline");
    await page.selectOption('select[name="state"]', "new");
    expect(await visible(page)).toBe(1);
    expect(await page.locator("article.finding:not([hidden])").getAttribute("data-severity")).toBe("critical");
    await page.selectOption('select[name="state"]', "existing");
    expect(await visible(page)).toBe(2);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows script, onerror and javascript: payloads from resource tags as text and runs none of them", async () => {
    const { page, problems, requests } = await open(await fixture("hostile"), "hostile");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);

    const text = await page.locator("body").innerText();
    expect(text).toContain("<script>window.__pwned = 'script'</script>");
    expect(text).toContain(`"><img src=x onerror="window.__pwned='img'">`);
    expect(text).toContain("javascript:window.__pwned='js'");

    // The hostile customer name works as a filter value without breaking out of its option.
    const options = await page.locator('select[name="customer"] option').allTextContents();
    expect(options).toEqual(["all", `evil"><img src=x onerror="window.__pwned='img'">`]);
    await page.selectOption('select[name="customer"]', { index: 1 });
    expect(await visible(page)).toBe(2);

    await page.locator("details summary").first().click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  });

  it("prints as a paginated document: cover on its own page, no controls, evidence open", async () => {
    const { page, problems } = await open(await fixture("csp-nightly"), "print");
    const printRules = await page.evaluate(() =>
      Array.from(document.styleSheets).flatMap((s) => Array.from(s.cssRules).filter((r) => r instanceof CSSMediaRule && r.media.mediaText === "print").map((r) => r.cssText)),
    );
    expect(printRules).toHaveLength(1);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#filters").isVisible()).toBe(false);
    expect(await page.locator(".cover").evaluate((el) => getComputedStyle(el).breakAfter)).toBe("page");
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await page.locator("details:not([open])").count()).toBe(0);
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(4);
    await writeFile(join(ARTIFACTS, "erguard-report-csp-nightly.pdf"), pdf);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("keeps every finding of 50,000 results, filterable, grouped by rule, and summarises the passes", async () => {
    const results = largeResults(await fixture("csp-nightly"), 50_000);
    const nonPass = results.results.filter((e) => e.status !== "pass");
    const { page, problems } = await open(results, "large");

    expect(await page.locator("article.finding").count()).toBe(nonPass.length);
    expect(await page.locator('article.finding[data-status="pass"]').count()).toBe(0);
    // One section per rule with findings, each with its findings and nothing else's.
    const rulesWithFindings = new Set(nonPass.map((e) => e.ruleId));
    expect(await page.locator("section.rule-findings").count()).toBe(rulesWithFindings.size);
    const perSection = await page.locator("section.rule-findings").evaluateAll((sections) =>
      sections.map((s) => [s.querySelector("h3 code")?.textContent ?? "", [...s.querySelectorAll("article.finding h4 code")].map((c) => c.textContent)] as const),
    );
    for (const [ruleId, ids] of perSection) {
      expect(ids.length).toBe(nonPass.filter((e) => e.ruleId === ruleId).length);
      expect(new Set(ids)).toEqual(new Set([ruleId]));
    }
    // Every failing resource is there with its message.
    const shownIds = new Set(await page.locator("article.finding dd:first-of-type").allTextContents());
    for (const e of nonPass) expect(shownIds.has(e.resourceId!)).toBe(true);

    await page.selectOption('select[name="status"]', "fail");
    expect(await visible(page)).toBe(nonPass.filter((e) => e.status === "fail").length);
    const failing = nonPass.find((e) => e.status === "fail")!;
    await page.fill('input[name="text"]', failing.resourceName!);
    expect(await visible(page)).toBe(1);
    expect(await page.locator("section.rule-findings:not([hidden])").count()).toBe(1);

    // Passes: a count per rule and a capped list that points at results.json.
    const passes = new Map<string, number>();
    for (const e of results.results) if (e.status === "pass") passes.set(e.ruleId, (passes.get(e.ruleId) ?? 0) + 1);
    const summaries = await page.locator("details.passed").evaluateAll((ds) =>
      ds.map((d) => ({ summary: d.querySelector("summary")?.textContent ?? "", items: d.querySelectorAll("li").length, note: d.querySelector("p")?.textContent ?? "" })),
    );
    expect(summaries).toHaveLength(passes.size);
    for (const [ruleId, n] of passes) {
      const s = summaries.find((x) => x.summary.startsWith(ruleId))!;
      expect(s.summary).toContain(`${n.toLocaleString("en-US")} resources passed`);
      expect(s.items).toBe(Math.min(n, PASS_LIST_LIMIT));
      if (n > PASS_LIST_LIMIT) expect(s.note).toContain("results.json");
    }
    expect(problems).toEqual([]);
    await page.context().close();

    // Passes cost the capped lists, not a row each: the report with them is hardly larger.
    const withoutPasses = renderHtml({ ...results, results: nonPass }).length;
    expect(renderHtml(results).length - withoutPasses).toBeLessThan(passes.size * PASS_LIST_LIMIT * 400);
  }, 90_000);
});

// `count` entries over the fixture's rules and customers, one resource each: mostly passes
// (as in a real estate), with some 2,000 failures, unknowns and manual outcomes among them.
function largeResults(base: Results, count: number): Results {
  const customers = base.snapshot.customers.map((c) => c.name);
  const results: ResultEntry[] = Array.from({ length: count }, (_, i) => {
    const rule = base.rules[i % base.rules.length]!;
    const status: Status = i % 40 === 0 ? "fail" : i % 97 === 1 ? "unknown" : i % 199 === 2 ? "manual" : "pass";
    const resourceName = `nsg${i}-edge`; // no name is part of another
    const resourceId = `/subscriptions/00000000-0000-4000-8000-${String(i % 97).padStart(12, "0")}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${resourceName}`;
    return {
      ruleId: rule.id,
      resourceId,
      resourceName,
      resourceType: "microsoft.network/networksecuritygroups",
      status,
      severity: rule.severity,
      baseline: rule.baseline,
      message: status === "pass" ? "" : `${resourceName} breaks ${rule.id}`,
      fingerprint: fingerprintOf(rule.id, resourceId),
      customer: customers[i % customers.length]!,
      tags: { "cost-center": `cc-${i % 40}` },
      ...(status === "fail" ? { evidence: { port: 22, index: i } } : {}),
    };
  });
  return { ...base, results, errors: [], waivers: { expired: [], stale: [] } };
}
