import { describe, expect, it } from "vitest";
import { applyBaseline } from "../../src/evaluate/baseline.js";
import { md, renderMarkdown } from "../../src/report/markdown.js";
import { fixture } from "../results-fixtures.js";

const LINKS = { repository: "https://github.com/contoso/network", ref: "4f2a9c1" };

describe("Markdown summary", () => {
  it("counts failing and waived findings by severity and every status by baseline", async () => {
    const text = renderMarkdown(await fixture("csp-nightly"));
    expect(text).toContain("| 🟥 critical | 1 | 0 |");
    expect(text).toContain("| 🟧 high | 3 | 0 |");
    expect(text).toContain("| 🟨 medium | 1 | 1 |");
    expect(text).toContain("| Baseline | Passed | Failed | Waived | Unknown or manual | Errors |");
    expect(text).toContain("| redundancy | 3 | 1 | 1 | 0 | 0 |");
    expect(text).toContain("| routing | 3 | 1 | 0 | 1 | 1 |");
  });

  it("lists the top findings, most severe first, with links to the rule and to the Azure portal", async () => {
    const text = renderMarkdown(await fixture("csp-nightly"), { maxFindings: 2 });
    const rows = text.split("\n").filter((l) => l.startsWith("| 🟥") || l.startsWith("| 🟧")).filter((l) => l.includes("]("));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 🟥 critical \| \[ERG-NSG-001\]\(<https:\/\/learn\.microsoft\.com\/[^>]+>\) \| \[nsg-contoso-jump\]\(<https:\/\/portal\.azure\.com\/#resource\/subscriptions\/6f1c3b2a/);
    expect(text).toContain("…and 4 more failing findings in the full report.");
  });

  it("links IaC findings to their line in the repository", async () => {
    const text = renderMarkdown(await fixture("pr-iac"), { links: LINKS });
    expect(text).toContain("[infra/network.json:31](<https://github.com/contoso/network/blob/4f2a9c1/infra/network.json#L31>)");
  });

  it("says a scan with rule or collection errors is incomplete and lists the errors", async () => {
    const text = renderMarkdown(await fixture("csp-nightly"));
    expect(text.split("\n")[0]).toBe("## erguard: ❌ 6 failing findings · ⚠️ incomplete scan");
    expect(text).toContain("### ⚠️ The scan is incomplete");
    expect(text).toMatch(/- collection incomplete for c9b8a7d6-5e4f-4a3b-9c2d-1e0f9a8b7c33: Resource Graph throttled/);
  });

  it("lists expired and stale waivers for review", async () => {
    const text = renderMarkdown(await fixture("csp-nightly"));
    expect(text).toContain("### Waivers to review");
    expect(text).toMatch(/ERG-RTE-002 on \/subscriptions\/6f1c3b2a-0d4e-4b8f-9a51-2c7d8e9f0a11\/\\\*\\\* \(owner network-team@csp\.example\) expired on 2025-03-31/);
  });

  it("with a baseline counts new findings, puts them first and counts the fixed ones", async () => {
    const compared = applyBaseline(await fixture("pr-iac"), await fixture("pr-iac-base"), "base.json");
    const text = renderMarkdown(compared);
    expect(text.split("\n")[0]).toBe("## erguard: ❌ 3 failing findings (1 new)");
    expect(text).toContain("| Severity | Failing | New | Waived |");
    const firstFinding = text.split("\n").find((l) => l.includes("ERG-"));
    expect(firstFinding).toMatch(/^\| 🟥 critical 🆕 \| \[ERG-NSG-001\]/);
    expect(text).toContain("✅ 1 finding of the baseline fixed.");
  });

  it("escapes HTML and Markdown in resource-controlled strings", async () => {
    const text = renderMarkdown(await fixture("hostile"));
    expect(text).not.toMatch(/<script|<img/i);
    expect(text).toContain("&lt;script&gt;");
    // The rule's javascript: reference is not made a link; its web reference is.
    expect(text).not.toContain("(<javascript:");
    expect(text).toContain("[ERG-ENC-001](<https://learn.microsoft.com/azure/expressroute/expressroute-howto-macsec>)");
  });

  it("escapes a link, a cell separator, a list marker and line breaks in text", () => {
    expect(md("- [x](javascript:alert(1)) | <b>\n# y")).toBe("\\- \\[x\\](javascript:alert(1)) \\| &lt;b&gt; # y");
  });

  it("stays well under GitHub's comment limit for a large estate", async () => {
    const results = await fixture("csp-nightly");
    const failing = results.results.find((e) => e.status === "fail")!;
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...failing, resourceId: `${failing.resourceId}-${i}`, message: "x".repeat(2000) }));
    const text = renderMarkdown({ ...results, results: many });
    expect(text.length).toBeLessThan(65_536 / 4);
  });

  it("names a few customers and counts a provider's many", async () => {
    const results = await fixture("csp-nightly");
    expect(renderMarkdown(results)).toContain("for contoso, fabrikam, northwind ·");
    const customers = Array.from({ length: 600 }, (_, i) => ({ name: `customer-${i}` }));
    const text = renderMarkdown({ ...results, snapshot: { ...results.snapshot, customers } });
    expect(text).toContain("for 600 customers ·");
    expect(text).not.toContain("customer-1");
  });
});