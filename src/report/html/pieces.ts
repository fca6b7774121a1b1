// Small pieces the report's sections share.

import { isWebLink } from "../links.js";
import { html, type HtmlValue, type SafeHtml } from "./escape.js";

export function severityBadge(severity: string): SafeHtml {
  return html`<span class="badge sev-${severity}">${severity}</span>`;
}

// Only web links become anchors; anything else (javascript:, data:) is shown as text.
export function link(url: string): HtmlValue {
  return isWebLink(url) ? html`<a href="${url}" rel="noreferrer noopener">${url}</a>` : html`<code>${url}</code>`;
}

export function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function plural(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? "" : "s"}`;
}

// 12,345: readable counts without loading the ICU locale data toLocaleString needs.
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
