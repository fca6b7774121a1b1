// HTML built with a tagged template that escapes every interpolated value unless it is
// already-built HTML. Resource names, tags, messages and evidence are attacker-controlled
// text in a customer estate; this way escaping is the default and never has to be remembered.

const brand = Symbol("SafeHtml");

export interface SafeHtml {
  readonly [brand]: true;
  readonly text: string;
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function safe(text: string): SafeHtml {
  return { [brand]: true, text };
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && brand in value;
}

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : text;
}

// Plain loops and the common cases first: a large estate's report renders a hundred thousand
// findings through here.
function render(value: HtmlValue): string {
  if (typeof value === "string") return escapeHtml(value);
  if (value === null || value === undefined || value === false || value === true) return "";
  if (typeof value === "number") return String(value);
  if (isSafe(value)) return value.text;
  let out = "";
  for (const v of value) out += render(v);
  return out;
}

// html`<td>${name}</td>`: `name` is escaped; nested html`` fragments and arrays are not.
// Attribute values must be double-quoted in the template.
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return safe(out);
}

// For the report's own inline assets (style, script, SVG markup built from numbers): text
// erguard wrote, never resource data.
export function trusted(text: string): SafeHtml {
  return safe(text);
}
