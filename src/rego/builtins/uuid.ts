// Builtins of the uuid family: uuid.rfc4122 (a random version 4 UUID, the same one for the
// same key throughout a query) and uuid.parse (the fields of a UUID, as OPA decodes them).

import { randomUUID } from "node:crypto";
import { keyOf, makeObject, type Value } from "../value.js";
import { stringArg } from "./args.js";
import { fromBigInt } from "./bits.js";
import type { Builtin, BuiltinContext } from "./registry.js";

function rfc4122(args: readonly Value[], ctx: BuiltinContext): Value {
  const cacheKey = `uuid.rfc4122\u0000${keyOf(args[0] as Value)}`;
  let id = ctx.queryCache.get(cacheKey) as string | undefined;
  if (id === undefined) {
    id = randomUUID();
    ctx.queryCache.set(cacheKey, id);
  }
  return id;
}

// The 16 bytes of a UUID in the forms Go's google/uuid accepts: canonical, {canonical},
// urn:uuid:canonical, or 32 hex digits. Lengths count bytes, as Go does.
function uuidBytes(text: string): Uint8Array | undefined {
  let s = Buffer.from(text, "utf8").toString("latin1");
  if (s.length === 32) return /^[0-9a-fA-F]{32}$/.test(s) ? Buffer.from(s, "hex") : undefined;
  if (s.length === 45) {
    if (s.slice(0, 9).toLowerCase() !== "urn:uuid:") return undefined;
    s = s.slice(9);
  } else if (s.length === 38) {
    s = s.slice(1, 37); // google/uuid skips the first character without checking either brace
  } else if (s.length !== 36) return undefined;
  const m = /^([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})$/.exec(s);
  return m ? Buffer.from(m.slice(1).join(""), "hex") : undefined;
}

function variantOf(b: number): string {
  if ((b & 0xc0) === 0x80) return "RFC4122";
  if ((b & 0xe0) === 0xc0) return "Microsoft";
  if ((b & 0xe0) === 0xe0) return "Future";
  return "Reserved";
}

function macVariables(b: number): string {
  if ((b & 0b11) === 0b11) return "local:multicast";
  if (b & 0b01) return "global:multicast";
  if (b & 0b10) return "local:unicast";
  return "global:unicast";
}

// 100-ns intervals between the Gregorian reform (the UUID epoch) and the Unix epoch.
const GREGORIAN_OFFSET = 122192928000000000n;

// The timestamp of a version 1 or 2 UUID in Unix nanoseconds, wrapping at 64 bits as
// OPA's int64 arithmetic does.
function unixNanos(u: Uint8Array): bigint {
  const view = Buffer.from(u);
  const t = BigInt(view.readUInt32BE(0)) | (BigInt(view.readUInt16BE(4)) << 32n) | (BigInt(view.readUInt16BE(6) & 0xfff) << 48n);
  const d = t - GREGORIAN_OFFSET;
  return BigInt.asIntN(64, (d / 10000000n) * 1000000000n + (d % 10000000n) * 100n);
}

function parse(args: readonly Value[]): Value | undefined {
  const u = uuidBytes(stringArg("uuid.parse", args, 0));
  if (!u) return undefined;
  const version = u[6]! >> 4;
  const fields: [string, Value][] = [
    ["version", version],
    ["variant", variantOf(u[8]!)],
  ];
  if (version === 1 || version === 2) {
    const node = u.subarray(10, 16);
    fields.push(
      ["time", fromBigInt(unixNanos(u))],
      ["nodeid", [...node].map((b) => b.toString(16).padStart(2, "0")).join("-")],
      ["macvariables", macVariables(node[0]!)],
      ["clocksequence", ((u[8]! << 8) | u[9]!) & 0x3fff],
    );
    if (version === 2) {
      const domain = u[9]!;
      fields.push(
        ["id", Buffer.from(u).readUInt32BE(0)],
        ["domain", ["Person", "Group", "Org"][domain] ?? `Domain${domain}`],
      );
    }
  }
  return makeObject(fields);
}

export const uuidBuiltins: readonly Builtin[] = [
  { name: "uuid.rfc4122", arity: 1, fn: rfc4122, nondeterministic: true },
  { name: "uuid.parse", arity: 1, fn: parse },
];
