import { describe, expect, it } from "vitest";
import { BigNum, equal, toJSON, type Value } from "../value.js";
import { uuidBuiltins } from "./uuid.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure, json } = builtinHarness(uuidBuiltins);

describe("uuid.rfc4122", () => {
  it("gives a version 4 UUID, the same for the same key within a query", () => {
    const a = call("uuid.rfc4122", "a") as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call("uuid.rfc4122", "a")).toBe(a);
    expect(call("uuid.rfc4122", "b")).not.toBe(a);
  });

  it("gives a fresh UUID in another query", () => {
    const a = call("uuid.rfc4122", "a");
    const other = builtinHarness(uuidBuiltins).call("uuid.rfc4122", "a");
    expect(other).not.toBe(a);
  });
});

describe("uuid.parse", () => {
  it("decodes the fields of a version 1 UUID in every accepted spelling", () => {
    const expected = {
      version: 1,
      variant: "RFC4122",
      time: 886630433151182400,
      nodeid: "00-c0-4f-d4-30-c8",
      macvariables: "global:unicast",
      clocksequence: 180,
    };
    for (const s of [
      "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
      "{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}",
      "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
      "6ba7b8109dad11d180b400c04fd430c8",
    ]) {
      const v = call("uuid.parse", s)!;
      expect(toJSON(v), s).toEqual(expected);
      expect(equal((v as { time: Value }).time, new BigNum(8866304331511824n, 2))).toBe(true);
    }
  });

  it("adds the domain and id of a version 2 UUID", () => {
    expect(json("uuid.parse", "000003e8-9414-21ec-8200-9f6bdeced846")).toMatchObject({
      version: 2,
      id: 1000,
      domain: "Person",
      macvariables: "local:multicast",
      nodeid: "9f-6b-de-ce-d8-46",
    });
  });

  it("gives only version and variant for other versions", () => {
    expect(json("uuid.parse", "f47ac10b-58cc-4372-a567-0e02b2c3d479")).toEqual({ version: 4, variant: "RFC4122" });
    expect(json("uuid.parse", "f47ac10b-58cc-4372-c567-0e02b2c3d479")).toEqual({ version: 4, variant: "Microsoft" });
  });

  it("is undefined for text that is not a UUID", () => {
    expect(call("uuid.parse", "f47ac10b-58cc-4372-a567-0e02b2c3d47")).toBeUndefined();
    expect(call("uuid.parse", "f47ac10b_58cc-4372-a567-0e02b2c3d479")).toBeUndefined();
    expect(call("uuid.parse", "urn:uuix:6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBeUndefined();
    expect(failure("uuid.parse", 1).message).toBe("uuid.parse: operand 1 must be string but got number");
  });
});
