import { describe, expect, it } from "vitest";
import { RegoSet, makeObject } from "../value.js";
import { netBuiltins } from "./net.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure, json } = builtinHarness(netBuiltins);

describe("net.cidr_contains", () => {
  it("holds subnets and addresses inside the block", () => {
    expect(call("net.cidr_contains", "10.0.0.0/8", "10.1.0.0/24")).toBe(true);
    expect(call("net.cidr_contains", "10.0.0.0/8", "10.1.2.3")).toBe(true);
    expect(call("net.cidr_contains", "10.0.0.0/8", "11.0.0.0")).toBe(false);
    expect(call("net.cidr_contains", "10.0.0.0/24", "10.0.0.0/23")).toBe(false);
    expect(call("net.cidr_contains", "2001:4860:4860::8888/32", "2001:4860:4860:1234:5678:1234:5678:8888/128")).toBe(
      true,
    );
  });

  it("treats /0 as everything of its family and /32 or /128 as one host", () => {
    expect(call("net.cidr_contains", "0.0.0.0/0", "255.255.255.255")).toBe(true);
    expect(call("net.cidr_contains", "0.0.0.0/0", "::1")).toBe(false);
    expect(call("net.cidr_contains", "::/0", "10.0.0.1")).toBe(false);
    expect(call("net.cidr_contains", "::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(true);
    expect(call("net.cidr_contains", "10.0.0.5/32", "10.0.0.5")).toBe(true);
    expect(call("net.cidr_contains", "10.0.0.5/32", "10.0.0.6")).toBe(false);
    expect(call("net.cidr_contains", "fe80::1/128", "fe80::1/128")).toBe(true);
    expect(call("net.cidr_contains", "fe80::1/128", "fe80::2")).toBe(false);
  });

  it("masks the host bits of a block given by a host address", () => {
    expect(call("net.cidr_contains", "192.168.1.77/24", "192.168.1.200")).toBe(true);
  });

  it("treats IPv4-mapped IPv6 addresses and blocks as IPv4", () => {
    expect(call("net.cidr_contains", "10.0.0.0/8", "::ffff:10.1.2.3")).toBe(true);
    expect(call("net.cidr_contains", "::ffff:10.0.0.0/104", "10.200.0.1")).toBe(true);
    expect(call("net.cidr_contains", "::ffff:0:0/96", "8.8.8.8")).toBe(true);
    expect(call("net.cidr_contains", "::/0", "::ffff:8.8.8.8")).toBe(false);
  });

  it("rejects malformed blocks and addresses with OPA's messages", () => {
    expect(failure("net.cidr_contains", "10.0.0.0/33", "10.0.0.1")).toEqual({
      code: "eval_builtin_error",
      message: "net.cidr_contains: invalid CIDR address: 10.0.0.0/33",
    });
    expect(failure("net.cidr_contains", "10.0.0.0/8", "10.0.0.256").message).toBe(
      "net.cidr_contains: not a valid textual representation of an IP address or CIDR: 10.0.0.256",
    );
    expect(failure("net.cidr_contains", 1, "10.0.0.1")).toEqual({
      code: "eval_type_error",
      message: "net.cidr_contains: operand 1 must be string but got number",
    });
    // OPA reports the second operand as "operand 1" too.
    expect(failure("net.cidr_contains", "10.0.0.0/8", null).message).toBe(
      "net.cidr_contains: operand 1 must be string but got null",
    );
  });

  it("follows Go's address syntax: no leading zeros, no zones, at most one ::", () => {
    expect(failure("net.cidr_contains", "010.0.0.0/8", "10.0.0.1").code).toBe("eval_builtin_error");
    expect(failure("net.cidr_contains", "10.0.0.0/8", "10.0.0.01").code).toBe("eval_builtin_error");
    expect(failure("net.cidr_contains", "fe80::/10", "fe80::1%eth0").code).toBe("eval_builtin_error");
    expect(failure("net.cidr_contains", "1::2::3/64", "1::1").code).toBe("eval_builtin_error");
    expect(failure("net.cidr_contains", "10.0.0.0", "10.0.0.1").message).toBe(
      "net.cidr_contains: invalid CIDR address: 10.0.0.0",
    );
  });

  it("answers the same for the deprecated net.cidr_overlap", () => {
    expect(call("net.cidr_overlap", "10.0.0.0/8", "10.1.2.3")).toBe(true);
    expect(failure("net.cidr_overlap", "x", "10.1.2.3").message).toBe("net.cidr_overlap: invalid CIDR address: x");
  });
});

describe("net.cidr_intersects", () => {
  it("finds overlapping blocks in either direction", () => {
    expect(call("net.cidr_intersects", "fd1e:5bfe:8af3:9ddc::/64", "fd1e:5bfe:8af3:9ddc:1111::/72")).toBe(true);
    expect(call("net.cidr_intersects", "10.1.0.0/16", "10.0.0.0/8")).toBe(true);
    expect(call("net.cidr_intersects", "10.0.0.0/24", "10.0.1.0/24")).toBe(false);
    expect(call("net.cidr_intersects", "0.0.0.0/0", "::/0")).toBe(false);
  });

  it("rejects a malformed second block", () => {
    expect(failure("net.cidr_intersects", "192.168.1.0/28", "not-a-cidr")).toEqual({
      code: "eval_builtin_error",
      message: "net.cidr_intersects: invalid CIDR address: not-a-cidr",
    });
  });
});

describe("net.cidr_contains_matches", () => {
  it("pairs array indexes of matching blocks and addresses", () => {
    expect(json("net.cidr_contains_matches", ["1.1.2.0/24", "1.1.1.0/24"], ["1.1.1.1", "1.1.2.1"])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("keys set members by themselves and object members by their keys", () => {
    expect(
      json("net.cidr_contains_matches", new RegoSet(["1.1.1.0/24", "1.1.2.0/24"]), new RegoSet(["1.1.1.1", "1.1.2.1"])),
    ).toEqual([
      ["1.1.1.0/24", "1.1.1.1"],
      ["1.1.2.0/24", "1.1.2.1"],
    ]);
    const blocks = new RegoSet([["1.1.2.0/24", "foo", 1], "1.1.0.0/16"]);
    const addresses = makeObject([
      ["x", "1.1.1.128"],
      ["y", ["1.1.254.254", "bar"]],
    ]);
    expect(json("net.cidr_contains_matches", blocks, addresses)).toEqual([
      ["1.1.0.0/16", "x"],
      ["1.1.0.0/16", "y"],
    ]);
  });

  it("matches a single string operand against itself as key", () => {
    expect(json("net.cidr_contains_matches", "10.0.0.0/8", "10.9.9.9")).toEqual([["10.0.0.0/8", "10.9.9.9"]]);
  });

  it("rejects members that are neither strings nor non-empty arrays", () => {
    const blocks = new RegoSet([
      ["1.1.1.0/24", "bar"],
      ["1.1.2.0/24", "foo"],
    ]);
    expect(failure("net.cidr_contains_matches", blocks, new RegoSet([1, ["1.1.2.1", "qux"]]))).toEqual({
      code: "eval_builtin_error",
      message: "net.cidr_contains_matches: operand 2: element must be string or non-empty array",
    });
    expect(failure("net.cidr_contains_matches", [[]], "1.1.1.1").message).toBe(
      "net.cidr_contains_matches: operand 1: element must be string or non-empty array",
    );
  });
});

describe("net.cidr_expand", () => {
  it("lists every address of the block, network and broadcast included", () => {
    expect(json("net.cidr_expand", "192.168.1.1/30")).toEqual(["192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"]);
    expect(json("net.cidr_expand", "10.0.0.7/32")).toEqual(["10.0.0.7"]);
    expect(json("net.cidr_expand", "255.255.255.254/31")).toEqual(["255.255.255.254", "255.255.255.255"]);
  });

  it("prints IPv6 addresses in RFC 5952 form and mapped ones as IPv4", () => {
    expect(json("net.cidr_expand", "2002::1234:abcd:ffff:c0a8:101/127")).toEqual([
      "2002::1234:abcd:ffff:c0a8:100",
      "2002::1234:abcd:ffff:c0a8:101",
    ]);
    expect(json("net.cidr_expand", "::/127")).toEqual(["::", "::1"]);
    expect(json("net.cidr_expand", "::ffff:10.0.0.0/127")).toEqual(["10.0.0.0", "10.0.0.1"]);
    expect(json("net.cidr_expand", "1:0:0:1:0:0:0:0/128")).toEqual(["1:0:0:1::"]);
    expect(json("net.cidr_expand", "1:0:0:1:1:0:0:1/128")).toEqual(["1::1:1:0:0:1"]);
    expect(json("net.cidr_expand", "1:2:3:4:5:6:0:8/128")).toEqual(["1:2:3:4:5:6:0:8"]);
  });

  it("rejects an out-of-range prefix", () => {
    expect(failure("net.cidr_expand", "192.168.1.1/33")).toEqual({
      code: "eval_builtin_error",
      message: "net.cidr_expand: invalid CIDR address: 192.168.1.1/33",
    });
  });

  it("refuses blocks too large to hold in memory", () => {
    expect(failure("net.cidr_expand", "10.0.0.0/8").message).toBe(
      "net.cidr_expand: 10.0.0.0/8 holds more than 2^20 addresses",
    );
  });
});

describe("net.cidr_merge", () => {
  const merge = (...cidrs: string[]) => json("net.cidr_merge", cidrs);

  it("merges adjacent, duplicate and nested blocks", () => {
    expect(merge("192.0.128.0/24", "192.0.129.0/24")).toEqual(["192.0.128.0/23"]);
    expect(merge("192.0.128.0/24", "192.0.128.0/24")).toEqual(["192.0.128.0/24"]);
    expect(merge("192.0.128.0/24", "0.0.0.0/0")).toEqual(["0.0.0.0/0"]);
    expect(merge("192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31")).toEqual(["192.0.2.112/29"]);
    expect(merge("192.0.2.112/31", "192.0.2.116/31", "192.0.2.118/31")).toEqual(["192.0.2.112/31", "192.0.2.116/30"]);
    expect(merge()).toEqual([]);
  });

  it("keeps blocks that touch nothing as they are", () => {
    expect(merge("192.0.129.0/24", "192.0.130.0/24")).toEqual(["192.0.129.0/24", "192.0.130.0/24"]);
    expect(merge("192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31")).toEqual([
      "192.0.2.112/30",
      "192.0.2.116/32",
      "192.0.2.118/31",
    ]);
  });

  it("splits a merged range into the fewest blocks", () => {
    const sixteenths = Array.from({ length: 16 }, (_, i) => `192.0.2.${i * 16}/28`);
    expect(merge("192.0.1.254/31", ...sixteenths, "192.0.3.0/28")).toEqual([
      "192.0.1.254/31",
      "192.0.2.0/24",
      "192.0.3.0/28",
    ]);
    expect(merge("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32")).toEqual([
      "10.0.0.1/32",
      "10.0.0.2/31",
      "10.0.0.4/31",
      "10.0.0.6/32",
    ]);
  });

  it("merges IPv6 and keeps the families apart", () => {
    expect(merge("::/0", "fe80::1/128")).toEqual(["::/0"]);
    expect(merge("::/0", "::192.0.2.0/124", "ff00::101/128")).toEqual(["::/0"]);
    expect(merge("fe80::/120", "192.0.2.0/24", "192.0.3.0/24", "192.0.4.0/25", "192.0.4.128/25")).toEqual([
      "192.0.2.0/23",
      "192.0.4.0/24",
      "fe80::/120",
    ]);
    expect(merge("2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128")).toEqual([
      "2601:600:8a80:207e::/64",
    ]);
    expect(merge("2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128")).toEqual([
      "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128",
    ]);
  });

  it("reads a bare IPv4 address as its classful block, as OPA does", () => {
    expect(merge("192.0.2.112", "192.0.2.116/31", "192.0.2.118/31")).toEqual(["192.0.2.0/24"]);
    expect(merge("192.0.128.0", "192.0.129.0")).toEqual(["192.0.128.0/23"]);
    expect(merge("10.1.2.3")).toEqual(["10.1.2.3/8"]);
  });

  it("accepts a set", () => {
    expect(json("net.cidr_merge", new RegoSet(["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"]))).toEqual([
      "192.0.2.112/29",
    ]);
  });

  it("rejects IPv6 addresses without prefix, junk and non-strings", () => {
    expect(failure("net.cidr_merge", ["2601:600:8a80:207e:a57d:7567:e2c9:e7b3"])).toEqual({
      code: "eval_builtin_error",
      message: "net.cidr_merge: IPv6 invalid: needs prefix length",
    });
    expect(failure("net.cidr_merge", ["foo"]).message).toBe("net.cidr_merge: invalid CIDR address: foo");
    expect(failure("net.cidr_merge", [1]).message).toBe("net.cidr_merge: element must be string");
    expect(failure("net.cidr_merge", "10.0.0.0/8").message).toBe("net.cidr_merge: operand must be an array");
  });
});

describe("net.cidr_is_valid", () => {
  it("accepts well-formed blocks only", () => {
    expect(call("net.cidr_is_valid", "192.168.0.0/30")).toBe(true);
    expect(call("net.cidr_is_valid", "::ffff:10.0.0.0/104")).toBe(true);
    expect(call("net.cidr_is_valid", "10.0.0.0/08")).toBe(true);
    expect(call("net.cidr_is_valid", "192.168.0.500/30")).toBe(false);
    expect(call("net.cidr_is_valid", "192.168.0.0")).toBe(false);
    expect(call("net.cidr_is_valid", "192.168.0.0/")).toBe(false);
    expect(call("net.cidr_is_valid", "::/129")).toBe(false);
    expect(call("net.cidr_is_valid", "1.2.3.4/+8")).toBe(false);
    expect(call("net.cidr_is_valid", 42)).toBe(false);
  });
});
