// Renders the chosen formats of one results object into an output directory, all or none
// (write.ts). Each is streamed in chunks: a 100,000-resource report is never one string.

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Results } from "../evaluate/results.js";
import { renderHtmlChunks } from "./html/report.js";
import { renderJsonChunks } from "./json.js";
import { renderMarkdown, type MarkdownOptions } from "./markdown.js";
import { renderSarifChunks, type SarifOptions } from "./sarif.js";
import { writeFilesAtomically } from "./write.js";
import type { ReportFormat } from "./formats.js";
import type { Chunk } from "./chunk-builder.js";

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

export function render(results: Results, format: ReportFormat, options: Pick<ReportOptions, "sarif" | "markdown">): Iterable<Chunk> {
  switch (format) {
    case "html":
      return renderHtmlChunks(results);
    case "sarif":
      return renderSarifChunks(results, options.sarif);
    case "md":
      return [renderMarkdown(results, options.markdown)];
    case "json":
      return renderJsonChunks(results);
  }
}

// A name safe as a file name on every platform, for customer-specific reports.
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "") || "report";
}

export async function writeReports(results: Results, options: ReportOptions): Promise<string[]> {
  await mkdir(options.outDir, { recursive: true });
  const files = options.formats.map((format) => ({
    path: join(options.outDir, options.baseName + EXTENSION[format]),
    chunks: () => render(results, format, options),
  }));
  await writeFilesAtomically(files);
  return files.map((f) => f.path);
}
