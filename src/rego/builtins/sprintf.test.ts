import { describe, expect, it } from "vitest";
import { BigNum } from "../bignum.js";
import { RegoSet, type Value } from "../value.js";
import fc from "fast-check";
import { formatGo, plainSprintf, sprintfBuiltins } from "./sprintf.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(sprintfBuiltins);
const sprintf = (format: Value, args: Value) => call("sprintf", format, args);

const big = (digits: string) => new BigNum(BigInt(digits), 0);

describe("sprintf", () => {
  it("formats integers with Go's integer verbs", () => {
    expect(sprintf("%d|%v|%x|%X|%o|%O|%b", [42, 42, 255, 255, 8, 8, 5])).toBe("42|42|ff|FF|10|0o10|101");
    expect(sprintf("%+d|% d|%#x|%#o|%x", [5, 5, 255, 8, -255])).toBe("+5| 5|0xff|010|-ff");
    expect(sprintf("%c|%q|%U|%#U", [65, 65, 0x1f600, 65])).toBe("A|'A'|U+1F600|U+0041 'A'");
  });

  it("pads to a width, left or right, with spaces or zeros", () => {
    expect(sprintf("%5d|%-5d|%05d|%.3d", [42, 42, -42, 7])).toBe("   42|42   |-0042|007");
    expect(sprintf("%5s|%-5s|%05s|%.3s", ["ab", "ab", "ab", "abcdef"])).toBe("   ab|ab   |000ab|abc");
    expect(sprintf("%*d|%-*d|%.*f", [5, 42, 4, 7, 1, 2.25])).toBe("   42|7   |2.2");
  });

  it("formats floats as strconv does, rounding exact halves to even", () => {
    expect(sprintf("hi %.2f", [3.1415])).toBe("hi 3.14");
    expect(sprintf("%f|%e|%E|%g|%G", [1.5, 123456.789, 1.5e-10, 0.000012345, 1.5e-10])).toBe(
      "1.500000|1.234568e+05|1.500000E-10|1.2345e-05|1.5E-10",
    );
    expect(sprintf("%.0f %.0f %.2f %.1f", [2.5, 3.5, 0.125, 0.05])).toBe("2 4 0.12 0.1");
    expect(sprintf("%10.3f|%08.3f|%+.1f|%.3e|%.3g", [3.14159, -3.14159, 2.5, 1234.5678, 1234.5678])).toBe(
      "     3.142|-003.142|+2.5|1.235e+03|1.23e+03",
    );
    expect(sprintf("%v|%v|%v", [1.5, 1234567.5, 1e21])).toBe("1.5|1.2345675e+06|1e+21");
    expect(sprintf("%b|%x", [1.5, 3.5])).toBe("6755399441055744p-52|0x1.cp+01");
  });

  it("prints strings raw under %v and %s, quoted under %q, as bytes under %x", () => {
    expect(sprintf("%v %s %q %x % X", ["a b", "c", 'a"b', "hi", "hi"])).toBe('a b c "a\\"b" 6869 68 69');
    expect(sprintf("%#q %+q", ["back`tick", "é"])).toBe('"back`tick" "\\u00e9"');
  });

  it("prints composite values and booleans in Rego syntax, as strings", () => {
    expect(sprintf("%v", [[1, "a"]])).toBe('[1, "a"]');
    expect(sprintf("%v %v %v", [{ a: 1 }, new RegoSet([2, 1]), null])).toBe('{"a": 1} {1, 2} null');
    expect(sprintf("%v %t", [true, true])).toBe("true %!t(string=true)");
  });

  it("keeps big integers exact (big.Int formats itself under %s)", () => {
    expect(sprintf("%s", [big("123456789123456789123")])).toBe("123456789123456789123");
    expect(sprintf("%s", [big("1208925819614629174706175")])).toBe("1208925819614629174706175");
    expect(sprintf("%d|%x|%30d", [big("123456789123456789123"), big("18446744073709551616"), big("123456789123456789123")])).toBe(
      "123456789123456789123|10000000000000000|         123456789123456789123",
    );
    expect(sprintf("%f", [big("123456789123456789123")])).toBe("%!f(big.Int=123456789123456789123)");
  });

  it("writes Go's error notation for bad verbs, missing and extra operands", () => {
    expect(sprintf("%s", [1])).toBe("%!s(int=1)");
    expect(sprintf("%d", ["x"])).toBe("%!d(string=x)");
    expect(sprintf("%d", [1.5])).toBe("%!d(float64=1.5)");
    expect(sprintf("%d %d", [1])).toBe("1 %!d(MISSING)");
    expect(sprintf("%d", [1, "a"])).toBe("1%!(EXTRA string=a)");
    expect(sprintf("100%", [])).toBe("100%!(NOVERB)");
    expect(sprintf("%d%%", [5])).toBe("5%");
    expect(sprintf("%T %T %T %T", [1, 1.5, "s", big("99999999999999999999")])).toBe("int float64 string *big.Int");
  });

  it("supports explicit argument indexes", () => {
    expect(sprintf("%[2]d %[1]d", [1, 2])).toBe("2 1");
    expect(sprintf("%[3]d", [1, 2])).toBe("%!d(BADINDEX)");
  });

  it("checks its operand types", () => {
    expect(failure("sprintf", "%d", 1)).toEqual({
      code: "eval_type_error",
      message: "sprintf: operand 2 must be array but got number",
    });
    expect(failure("sprintf", 1, []).message).toBe("sprintf: operand 1 must be string but got number");
  });
});

describe("sprintf's plain path", () => {
  it("prints what the general formatter prints whenever it takes a format", () => {
    const piece = fc.oneof(fc.constantFrom("%s", "%d", "%v", "%%", "%", "%5d", "%q", "%x"), fc.string({ maxLength: 6 }));
    const arg = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.constant(2 ** 60), fc.constant(-0), fc.constant(null), fc.constant([1, "a"]));
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(arg, { maxLength: 4 }), (pieces, args) => {
        const format = pieces.join("");
        const plain = plainSprintf(format, args as Value[]);
        if (plain !== undefined) {
          taken++;
          expect(plain).toBe(formatGo(format, args as Value[]));
        }
      }),
      { numRuns: 5000 },
    );
    // The comparison must actually run: plenty of the random formats are plain ones.
    expect(taken).toBeGreaterThan(200);
  });

  it("leaves flags, other verbs, other types and a wrong number of arguments to the general formatter", () => {
    expect(plainSprintf("%s and %d (%v%%)", ["a", 42, "b"])).toBe("a and 42 (b%)");
    expect(plainSprintf("%5d", [1])).toBeUndefined();
    expect(plainSprintf("%s", [1])).toBeUndefined();
    expect(plainSprintf("%d", [1.5])).toBeUndefined();
    expect(plainSprintf("%s %s", ["a"])).toBeUndefined();
    expect(plainSprintf("%s", ["a", "b"])).toBeUndefined();
    expect(plainSprintf("100%", [])).toBeUndefined();
  });
});

