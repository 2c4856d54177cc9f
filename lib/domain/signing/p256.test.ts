import { describe, expect, it } from "vitest";
import { checkCompressedP256Key } from "./p256";

// The P-256 generator G, compressed (y is odd → 03), and its negation (02).
const G_X = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";

describe("checkCompressedP256Key", () => {
  it("accepts points on the curve and answers them lowercased", () => {
    expect(checkCompressedP256Key(`03${G_X}`)).toEqual({ ok: true, publicKey: `03${G_X}` });
    expect(checkCompressedP256Key(`02${G_X.toUpperCase()}`)).toEqual({ ok: true, publicKey: `02${G_X}` });
  });

  it("refuses an x that is not on the curve", () => {
    // x = 1: 1 − 3 + b is not a square mod p (OpenSSL refuses it too).
    expect(checkCompressedP256Key(`02${"00".repeat(31)}01`)).toEqual({
      ok: false,
      error: "is not a point on the P-256 curve",
    });
    // x ≥ p is not a field element.
    expect(checkCompressedP256Key(`02${"ff".repeat(32)}`)).toMatchObject({ ok: false });
  });

  it("names the wrong shape: prefix, length, uncompressed form, not hex", () => {
    expect(checkCompressedP256Key(`04${G_X}`)).toEqual({
      ok: false,
      error: "must start with 02 or 03 (compressed point), not 04",
    });
    expect(checkCompressedP256Key(`03${G_X}00`)).toEqual({
      ok: false,
      error: "must be a 33-byte compressed P-256 public key (got 34 bytes)",
    });
    expect(checkCompressedP256Key(`04${G_X}${"11".repeat(32)}`)).toMatchObject({
      ok: false,
      error: expect.stringContaining("uncompressed"),
    });
    expect(checkCompressedP256Key(`0x03${G_X}`)).toMatchObject({
      ok: false,
      error: expect.stringContaining("0x"),
    });
  });
});
