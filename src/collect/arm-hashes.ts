// The deterministic hashes of the template language, bit for bit as Azure Resource Manager
// computes them, so that names built with them match the deployed ones:
// - uniqueString(a, b, …): MurmurHash64 (the 32-bit-lane variant ARM uses) of the UTF-8 of
//   the arguments joined with "-", as 13 characters of lower-case base32;
// - guid(a, b, …): a version 5 UUID of the arguments joined with "-", in ARM's namespace.

import { createHash } from "node:crypto";

export function uniqueString(parts: readonly string[]): string {
  return base32Of64(murmurHash64(Buffer.from(parts.join("-"), "utf8")));
}

const ARM_GUID_NAMESPACE = "11fb06fb-712d-4ddd-98c7-e71bbd588830";

export function armGuid(parts: readonly string[]): string {
  const namespace = Buffer.from(ARM_GUID_NAMESPACE.replaceAll("-", ""), "hex");
  const hash = createHash("sha1").update(namespace).update(parts.join("-"), "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

function base32Of64(value: bigint): string {
  let out = "";
  let v = value;
  for (let i = 0; i < 13; i++) {
    out += BASE32[Number(v >> 59n)];
    v = (v << 5n) & 0xffffffffffffffffn;
  }
  return out;
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x561ccd1b;
const C4 = 0x0bcaa747;
const C5 = 0x85ebca6b;
const C6 = 0xc2b2ae35;

const rotl = (x: number, r: number): number => ((x << r) | (x >>> (32 - r))) >>> 0;
const mul = (a: number, b: number): number => Math.imul(a, b) >>> 0;
const add = (a: number, b: number): number => (a + b) >>> 0;
const le32 = (data: Uint8Array, at: number, count: number): number => {
  let v = 0;
  for (let i = count - 1; i >= 0; i--) v = (v << 8) | (data[at + i] ?? 0);
  return v >>> 0;
};

function murmurHash64(data: Uint8Array): bigint {
  const length = data.length;
  let h1 = 0;
  let h2 = 0;
  let index = 0;
  for (; index + 7 < length; index += 8) {
    const k1 = mul(rotl(mul(le32(data, index, 4), C1), 15), C2);
    h1 = add(mul(add(rotl((h1 ^ k1) >>> 0, 19), h2), 5), C3);
    const k2 = mul(rotl(mul(le32(data, index + 4, 4), C2), 17), C1);
    h2 = add(mul(add(rotl((h2 ^ k2) >>> 0, 13), h1), 5), C4);
  }
  const tail = length - index;
  if (tail > 0) {
    const k1 = mul(rotl(mul(le32(data, index, Math.min(tail, 4)), C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    if (tail > 4) {
      const k2 = mul(rotl(mul(le32(data, index + 4, tail - 4), C2), 17), C1);
      h2 = (h2 ^ k2) >>> 0;
    }
  }
  h1 = (h1 ^ length) >>> 0;
  h2 = (h2 ^ length) >>> 0;
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  return (BigInt(h2) << 32n) | BigInt(h1);
}

function fmix(h: number): number {
  let x = h;
  x = (x ^ (x >>> 16)) >>> 0;
  x = mul(x, C5);
  x = (x ^ (x >>> 13)) >>> 0;
  x = mul(x, C6);
  return (x ^ (x >>> 16)) >>> 0;
}
