import { describe, expect, it } from "vitest";
import { canonicalBase64Url, fromBase64Url, fromHex, toBase64Url, toHex } from "./encoding";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("base64url and hex", () => {
  it("round-trips every length against Node's encoder", () => {
    for (let length = 0; length < 40; length++) {
      const data = new Uint8Array(Array.from({ length }, (_, i) => (i * 89 + 7) & 0xff));
      const encoded = toBase64Url(data);
      expect(encoded).toBe(Buffer.from(data).toString("base64url"));
      if (length > 0) expect(fromBase64Url(encoded)).toEqual({ ok: true, bytes: data });
    }
  });

  it("tolerates padding but refuses base64's alphabet, bad characters and non-canonical tails", () => {
    expect(fromBase64Url("AQI=")).toEqual({ ok: true, bytes: bytes(1, 2) });
    expect(fromBase64Url("a+b/")).toEqual({
      ok: false,
      error: expect.stringContaining("base64url ('-', '_') expected"),
    });
    expect(fromBase64Url("ab.c")).toEqual({ ok: false, error: 'is not base64url (unexpected ".")' });
    expect(fromBase64Url("abcde")).toEqual({ ok: false, error: "has an impossible base64url length" });
    expect(fromBase64Url("AR")).toEqual({ ok: false, error: "is not canonical base64url" });
    expect(fromBase64Url("")).toEqual({ ok: false, error: "is empty" });
    expect(canonicalBase64Url("AQI=")).toBe("AQI");
  });

  it("decodes hex of either case and names what is wrong", () => {
    expect(toHex(bytes(0, 171, 255))).toBe("00abff");
    expect(fromHex("00ABff")).toEqual({ ok: true, bytes: bytes(0, 171, 255) });
    expect(fromHex("0x00")).toEqual({ ok: false, error: "must be hex without a 0x prefix" });
    expect(fromHex("abc")).toEqual({ ok: false, error: "has an odd number of hex digits" });
    expect(fromHex("zz")).toEqual({ ok: false, error: "is not hex" });
  });
});
