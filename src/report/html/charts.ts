// Inline SVG charts: one horizontal stacked bar per row (a baseline or a customer), with the
// controls that passed, failed, were waived, could not be determined or errored. Drawn with
// presentation attributes only: the CSP allows no inline style attributes.

import { html, type SafeHtml } from "./escape.js";

export type ControlState = "pass" | "fail" | "waived" | "undetermined" | "error";
export const CHART_STATES: readonly ControlState[] = ["pass", "fail", "waived", "undetermined", "error"];

const COLOURS: Readonly<Record<ControlState, string>> = {
  pass: "#1a7f37",
  fail: "#cf222e",
  waived: "#8250df",
  undetermined: "#bf8700",
  error: "#6e7781",
};

export interface ChartRow {
  readonly label: string;
  readonly counts: Readonly<Record<ControlState, number>>;
}

const WIDTH = 800;
const LABEL = 190;
const TOTAL = 70;
const ROW = 30;
const BAR = 18;

export function stackedBars(title: string, rows: readonly ChartRow[]): SafeHtml {
  const max = Math.max(1, ...rows.map((r) => sum(r.counts)));
  const scale = (WIDTH - LABEL - TOTAL) / max;
  const height = rows.length * ROW + 4;
  const bars = rows.map((row, i) => {
    const y = i * ROW + 4;
    let x = LABEL;
    const segments = CHART_STATES.filter((s) => row.counts[s] > 0).map((s) => {
      const w = row.counts[s] * scale;
      const rect = html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${COLOURS[s]}"><title>${row.label}: ${row.counts[s]} ${s}</title></rect>`;
      x += w;
      return rect;
    });
    return html`<g><text x="${LABEL - 8}" y="${y + 13}" text-anchor="end" font-size="13" fill="#1b1f24">${row.label}</text>${segments}<text x="${(x + 6).toFixed(1)}" y="${y + 13}" font-size="12" fill="#57606a">${sum(row.counts)}</text></g>`;
  });
  return html`<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${bars}</svg>
<p class="legend">${CHART_STATES.map((s) => html`<span class="l-${s}">${s === "undetermined" ? "unknown or manual" : s}</span>`)}</p>`;
}

function sum(counts: Readonly<Record<ControlState, number>>): number {
  return CHART_STATES.reduce((n, s) => n + counts[s], 0);
}
