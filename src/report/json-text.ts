// Pieces of JSON text, exactly as JSON.stringify writes them inside an object, for the writers
// that assemble large documents by hand (entry-json.ts, sarif-result.ts).

// `,"key":value`, or nothing where JSON.stringify leaves the member out (undefined, functions).
// Keys are the writers' own names, which need no escaping.
export function member(key: string, value: unknown): string {
  if (value === undefined) return "";
  if (hasToJSON(value)) {
    // Its toJSON is told the key it is written under, as inside the object.
    const whole = JSON.stringify({ [key]: value });
    return whole === "{}" ? "" : `,${whole.slice(1, -1)}`;
  }
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? "" : `,"${key}":${text}`;
}

function hasToJSON(value: unknown): boolean {
  const type = typeof value;
  return value !== null && (type === "object" || type === "function" || type === "bigint") && typeof (value as { toJSON?: unknown }).toJSON === "function";
}
