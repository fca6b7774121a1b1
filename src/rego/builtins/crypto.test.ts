import { describe, expect, it } from "vitest";
import { cryptoBuiltins } from "./crypto.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(cryptoBuiltins);

describe("digests", () => {
  it("hash the UTF-8 bytes of a string to lowercase hex", () => {
    expect(call("crypto.md5", "")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(call("crypto.sha1", "abc")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(call("crypto.sha256", "abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // md5 of the UTF-8 bytes c3 a9, not of the Latin-1 byte e9.
    expect(call("crypto.md5", "é")).toBe("66ddcd97cfdeabb2f6fb8a999b4bc76f");
  });

  it("reject non-strings", () => {
    expect(failure("crypto.sha256", 1)).toEqual({
      code: "eval_type_error",
      message: "crypto.sha256: operand 1 must be string but got number",
    });
  });
});

describe("crypto.hmac", () => {
  const fox = "The quick brown fox jumps over the lazy dog";

  it("signs a message with a key", () => {
    expect(call("crypto.hmac.md5", fox, "key")).toBe("80070713463e7749b90c2dc24911e275");
    expect(call("crypto.hmac.sha1", fox, "key")).toBe("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
    expect(call("crypto.hmac.sha256", fox, "key")).toBe("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    expect(call("crypto.hmac.sha512", fox, "key")).toBe(
      "b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41915ee4d1ec3935357e4e2317250d0372afa2ebeeb3a",
    );
    expect(failure("crypto.hmac.sha256", fox, 1).message).toBe("crypto.hmac.sha256: operand 2 must be string but got number");
  });

  it("compares MACs", () => {
    expect(call("crypto.hmac.equal", "abc", "abc")).toBe(true);
    expect(call("crypto.hmac.equal", "abc", "abd")).toBe(false);
    expect(call("crypto.hmac.equal", "abc", "abcd")).toBe(false);
  });
});
