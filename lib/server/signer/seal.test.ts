import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEncryptionKey } from "./encryption-key";
import { seal, unseal } from "./seal";

const key = randomBytes(32);
const secret = Buffer.from("a secp256k1 private key, 32 bytes", "utf8");

describe("[SIGNER] secrets sealed at rest with AES-256-GCM", () => {
  it("opens what it sealed, under the same key and context; every sealing differs", () => {
    const a = seal(secret, "custodial-wallet:u:31337:0xabc", key);
    const b = seal(secret, "custodial-wallet:u:31337:0xabc", key);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret.toString("base64"));
    expect(unseal(a, "custodial-wallet:u:31337:0xabc", key)).toEqual(secret);
  });

  it.each([
    [
      "another context (a sealed key copied onto another wallet row)",
      (s: string) => unseal(s, "custodial-wallet:v:31337:0xabc", key),
    ],
    ["another key", (s: string) => unseal(s, "ctx", randomBytes(32))],
    [
      "a flipped ciphertext byte",
      (s: string) => {
        const raw = Buffer.from(s.slice(3), "base64");
        raw[14]! ^= 1;
        return unseal(`v1:${raw.toString("base64")}`, "ctx", key);
      },
    ],
    ["a truncated value", (s: string) => unseal(s.slice(0, 20), "ctx", key)],
    ["an unknown format", () => unseal("v0:abcd", "ctx", key)],
  ])("refuses %s", (_label, open) => {
    const sealed = seal(
      secret,
      _label.startsWith("another context") ? "custodial-wallet:u:31337:0xabc" : "ctx",
      key,
    );
    expect(() => open(sealed)).toThrow();
  });

  it.each([
    ["64 hex characters", "ab".repeat(32)],
    ["base64", randomBytes(32).toString("base64")],
    ["base64url", randomBytes(32).toString("base64url")],
  ])("reads TRANCHE_ENCRYPTION_KEY as %s", (_label, text) => {
    expect(parseEncryptionKey(` ${text}\n`)).toHaveLength(32);
  });

  it.each([["ab".repeat(31)], ["not a key"], [randomBytes(16).toString("base64")]])(
    "refuses %s as a key",
    (text) => {
      expect(() => parseEncryptionKey(text)).toThrow("TRANCHE_ENCRYPTION_KEY must be 32 bytes");
    },
  );
});
