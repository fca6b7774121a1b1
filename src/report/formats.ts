// The report formats erguard writes, and the --format list that names them.

import { ErguardError } from "../errors.js";

export type ReportFormat = "html" | "sarif" | "md" | "json";
export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "sarif", "md", "json"];

export function parseFormats(list: string): ReportFormat[] {
  const formats = list.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new ErguardError("bad_config", `--format ${JSON.stringify(list)}: choose from ${REPORT_FORMATS.join(", ")}`);
  }
  return [...new Set(formats)] as ReportFormat[];
}

