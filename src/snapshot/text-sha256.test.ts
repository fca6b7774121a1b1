import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { textSha256 } from "./text-sha256.js";

describe("a snapshot text's sha256", () => {
  it("is the sha256 of the text's UTF-8, as hashing it on the main thread gives", async () => {
    const texts = ["", '{"resources": []}\n', "Zürich – 東京 🚀", "lone \ud800 surrogate", "x".repeat(3_000_001)];
    for (const text of texts) {
      expect(await textSha256(text)).toBe(createHash("sha256").update(text).digest("hex"));
    }
    expect(await textSha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
