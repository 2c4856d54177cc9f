import { describe, expect, it } from "vitest";
import { canonicalJson, isCanonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it("gives the same text for the same envelope whatever order its keys were built in", () => {
    const one = canonicalJson({ orderId: "o", step: 0, nonce: "ab", summary: "Swap" });
    const two = canonicalJson({ summary: "Swap", nonce: "ab", step: 0, orderId: "o" });
    expect(one).toBe(two);
  });

  it("sorts by UTF-16 code units (uppercase before lowercase) and escapes strings like JSON", () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 'q"\n' })).toBe('{"B":2,"a":"q\\"\\n","b":1,"é":3}');
  });

  it("omits undefined properties and refuses values without an exact JSON form", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow("$.amount: NaN has no JSON form");
    expect(() => canonicalJson({ amount: 10n } as never)).toThrow("bigint");
    expect(() => canonicalJson({ at: new Date(0) } as never)).toThrow("plain objects");
  });

  it("recognises canonical text and rejects re-formatted text", () => {
    expect(isCanonicalJson('{"a":1,"b":[1,2]}')).toBe(true);
    expect(isCanonicalJson('{"b":1,"a":1}')).toBe(false);
    expect(isCanonicalJson('{"a": 1}')).toBe(false);
    expect(isCanonicalJson("{oops")).toBe(false);
  });
});
