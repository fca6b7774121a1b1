// Renders the chosen formats of one results object into an output directory. Every format is
// rendered before any file is written, so a failure (a SARIF run over GitHub's limits) leaves
// no half-written set of reports behind.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Results } from "../evaluate/results.js";
import { renderHtml } from "./html/report.js";
import { renderJson } from "./json.js";
import { renderMarkdown, type MarkdownOptions } from "./markdown.js";
import { renderSarif, type SarifOptions } from "./sarif.js";
import type { ReportFormat } from "./formats.js";

export { parseFormats, REPORT_FORMATS, type ReportFormat } from "./formats.js";

export interface ReportOptions {
  readonly formats: readonly ReportFormat[];
  readonly outDir: string;
  // File names are <baseName>.html, .sarif, .md and .results.json.
  readonly baseName: string;
  readonly sarif: SarifOptions;
  readonly markdown?: MarkdownOptions;
}

const EXTENSION: Readonly<Record<ReportFormat, string>> = { html: ".html", sarif: ".sarif", md: ".md", json: ".results.json" };

export function render(results: Results, format: ReportFormat, options: Pick<ReportOptions, "sarif" | "markdown">): string {
  switch (format) {
    case "html":
      return renderHtml(results);
    case "sarif":
      return renderSarif(results, options.sarif);
    case "md":
      return renderMarkdown(results, options.markdown);
    case "json":
      return renderJson(results);
  }
}

// A name safe as a file name on every platform, for customer-specific reports.
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "") || "report";
}

export async function writeReports(results: Results, options: ReportOptions): Promise<string[]> {
  const rendered = options.formats.map((format) => ({
    path: join(options.outDir, options.baseName + EXTENSION[format]),
    text: render(results, format, options),
  }));
  await mkdir(options.outDir, { recursive: true });
  for (const { path, text } of rendered) await writeFile(path, text, "utf8");
  return rendered.map((r) => r.path);
}
