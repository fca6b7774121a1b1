// The sha256 of a snapshot's text, by which results.json names the snapshot, computed on a
// libuv thread (WebCrypto's digest runs there, on the machine's other core): hashing a 100 MB
// snapshot takes some 0.4 s, which a scan spends parsing and validating the snapshot meanwhile.

import { webcrypto } from "node:crypto";

export async function textSha256(text: string): Promise<string> {
  const digest = await webcrypto.subtle.digest("SHA-256", Buffer.from(text, "utf8"));
  return Buffer.from(digest).toString("hex");
}
