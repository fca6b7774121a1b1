// Builtins of the crypto family: digests and HMACs of a string's UTF-8 bytes, as lowercase
// hex (crypto.md5, crypto.sha1, crypto.sha256, crypto.hmac.*). The X.509 and key parsing
// builtins of OPA are not provided.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Value } from "../value.js";
import { stringArg } from "./args.js";
import type { Builtin } from "./registry.js";

function digest(name: string, algorithm: string): Builtin {
  return {
    name,
    arity: 1,
    fn: (args) => createHash(algorithm).update(stringArg(name, args, 0), "utf8").digest("hex"),
  };
}

// crypto.hmac.<alg>(message, key).
function hmac(name: string, algorithm: string): Builtin {
  return {
    name,
    arity: 2,
    fn: (args) => {
      const message = stringArg(name, args, 0);
      const key = stringArg(name, args, 1);
      return createHmac(algorithm, Buffer.from(key, "utf8")).update(message, "utf8").digest("hex");
    },
  };
}

// Constant-time comparison of two MACs (Go's hmac.Equal): different lengths never match.
function hmacEqual(args: readonly Value[]): boolean {
  const a = Buffer.from(stringArg("crypto.hmac.equal", args, 0), "utf8");
  const b = Buffer.from(stringArg("crypto.hmac.equal", args, 1), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export const cryptoBuiltins: readonly Builtin[] = [
  digest("crypto.md5", "md5"),
  digest("crypto.sha1", "sha1"),
  digest("crypto.sha256", "sha256"),
  hmac("crypto.hmac.md5", "md5"),
  hmac("crypto.hmac.sha1", "sha1"),
  hmac("crypto.hmac.sha256", "sha256"),
  hmac("crypto.hmac.sha512", "sha512"),
  { name: "crypto.hmac.equal", arity: 2, fn: hmacEqual },
];
