import { describe, expect, it } from "vitest";
import { toBase64Url, toHex, utf8 } from "./encoding";
import {
  API_KEY_SCHEME,
  challengeMatchesDigest,
  formatApiKeyStamp,
  formatWebAuthnStamp,
  parseApiKeyStamp,
  parseWebAuthnStamp,
} from "./stamps";

const KEY = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
/** A structurally valid DER signature: SEQUENCE { INTEGER r (32 bytes), INTEGER s (32 bytes) }. */
const DER = new Uint8Array([
  0x30,
  0x44,
  0x02,
  0x20,
  ...Array(32).fill(0x11),
  0x02,
  0x20,
  ...Array(32).fill(0x22),
]);
const b64json = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)));

describe("parseApiKeyStamp", () => {
  it("reads Turnkey's X-Stamp: base64url JSON {publicKey, scheme, signature}", () => {
    const stamp = formatApiKeyStamp({ publicKey: KEY, signature: DER });
    expect(JSON.parse(Buffer.from(stamp, "base64url").toString("utf8"))).toEqual({
      publicKey: KEY,
      scheme: API_KEY_SCHEME,
      signature: toHex(DER),
    });
    const parsed = parseApiKeyStamp(stamp);
    expect(parsed).toEqual({ ok: true, value: { publicKey: KEY, scheme: API_KEY_SCHEME, signature: DER } });
  });

  it("lowercases the key, so one key has one spelling", () => {
    const parsed = parseApiKeyStamp(
      b64json({ publicKey: KEY.toUpperCase(), scheme: API_KEY_SCHEME, signature: toHex(DER) }),
    );
    expect(parsed.ok && parsed.value.publicKey).toBe(KEY);
  });

  const cases: [string, unknown, string][] = [
    ["not a string", { publicKey: KEY }, "an api_key stamp must be a base64url string"],
    ["standard base64", "eyJ+/", "the api_key stamp uses base64's '+' or '/'; base64url ('-', '_') expected"],
    ["not JSON", toBase64Url(utf8("hello")), "the decoded api_key stamp is not JSON"],
    ["a JSON array", b64json([1]), "the decoded api_key stamp must be a JSON object"],
    ["no scheme", b64json({ publicKey: KEY, signature: toHex(DER) }), "the api_key stamp has no scheme"],
    [
      "a secp256k1 stamp",
      b64json({ publicKey: KEY, scheme: "SIGNATURE_SCHEME_TK_API_SECP256K1", signature: toHex(DER) }),
      `scheme SIGNATURE_SCHEME_TK_API_SECP256K1 is not supported; only ${API_KEY_SCHEME}`,
    ],
    [
      "an unknown scheme",
      b64json({ publicKey: KEY, scheme: "P256", signature: toHex(DER) }),
      `unknown scheme "P256"; expected ${API_KEY_SCHEME}`,
    ],
    [
      "an uncompressed key",
      b64json({
        publicKey: `04${KEY.slice(2)}${"11".repeat(32)}`,
        scheme: API_KEY_SCHEME,
        signature: toHex(DER),
      }),
      "publicKey is an uncompressed key (65 bytes); send the compressed form (33 bytes, 02/03 prefix)",
    ],
    [
      "a raw r‖s signature",
      b64json({ publicKey: KEY, scheme: API_KEY_SCHEME, signature: "11".repeat(64) }),
      "signature is not DER (expected a SEQUENCE); send the DER form, not raw r‖s",
    ],
    [
      "a base64 signature",
      b64json({ publicKey: KEY, scheme: API_KEY_SCHEME, signature: "MEQCIBER" }),
      "signature is not hex; it is the hex of a DER ECDSA signature",
    ],
    [
      "a truncated DER signature",
      b64json({ publicKey: KEY, scheme: API_KEY_SCHEME, signature: toHex(DER.slice(0, 40)) }),
      "signature is not DER (the SEQUENCE length does not match)",
    ],
  ];
  it.each(cases)("refuses %s with a precise message", (_name, stamp, error) => {
    expect(parseApiKeyStamp(stamp)).toEqual({ ok: false, error });
  });
});

const CLIENT_DATA = toBase64Url(
  utf8(JSON.stringify({ type: "webauthn.get", challenge: "abc", origin: "http://localhost:3000" })),
);
const AUTH_DATA = toBase64Url(new Uint8Array([...Array(32).fill(7), 0x05, 0, 0, 0, 9]));
const WEBAUTHN = {
  credentialId: "Y3JlZA",
  authenticatorData: AUTH_DATA,
  clientDataJson: CLIENT_DATA,
  signature: toBase64Url(DER),
};

describe("parseWebAuthnStamp", () => {
  it("reads Turnkey's X-Stamp-Webauthn JSON and the authenticator data's flags and counter", () => {
    const parsed = parseWebAuthnStamp(formatWebAuthnStamp(WEBAUTHN));
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        ...WEBAUTHN,
        clientData: { type: "webauthn.get", challenge: "abc", origin: "http://localhost:3000" },
        authData: { userPresent: true, userVerified: true, counter: 9 },
      },
    });
  });

  it("accepts an already-parsed object and normalises a padded credential id", () => {
    const parsed = parseWebAuthnStamp({ ...WEBAUTHN, credentialId: "Y3JlZA==" });
    expect(parsed.ok && parsed.value.credentialId).toBe("Y3JlZA");
  });

  const cases: [string, unknown, string][] = [
    [
      "a number",
      42,
      "a web_authn stamp must be a JSON string {credentialId, authenticatorData, clientDataJson, signature}",
    ],
    ["not JSON", "{nope", "the web_authn stamp is not JSON"],
    [
      "the 2022 base64url-wrapped form",
      toBase64Url(utf8(JSON.stringify(WEBAUTHN))),
      "the web_authn stamp is not JSON (it looks base64url-encoded: send the JSON itself, as Turnkey has since 2023)",
    ],
    [
      "clientDataJSON spelled the WebAuthn way",
      JSON.stringify({ ...WEBAUTHN, clientDataJson: undefined, clientDataJSON: CLIENT_DATA }),
      "clientDataJson is missing (Turnkey's stamp spells it clientDataJson, not clientDataJSON)",
    ],
    [
      "no credential id",
      JSON.stringify({ ...WEBAUTHN, credentialId: "" }),
      "credentialId is missing or not a string",
    ],
    [
      "a non-base64url signature",
      JSON.stringify({ ...WEBAUTHN, signature: "a/b+" }),
      expect.stringContaining("signature uses base64's"),
    ],
    [
      "short authenticator data",
      JSON.stringify({ ...WEBAUTHN, authenticatorData: toBase64Url(new Uint8Array(20)) }),
      "authenticatorData is 20 bytes; it is at least 37",
    ],
    [
      "client data without an origin",
      JSON.stringify({
        ...WEBAUTHN,
        clientDataJson: toBase64Url(utf8('{"type":"webauthn.get","challenge":"x"}')),
      }),
      "clientDataJson must carry type, challenge and origin",
    ],
    [
      "an empty signature",
      JSON.stringify({ ...WEBAUTHN, signature: "" }),
      "signature is missing or not a string",
    ],
  ];
  it.each(cases)("refuses %s with a precise message", (_name, stamp, error) => {
    expect(parseWebAuthnStamp(stamp)).toEqual({ ok: false, error });
  });

  it("leaves the signature's encoding to verification: an Ed25519 passkey signs 64 raw bytes", () => {
    const stamp = JSON.stringify({ ...WEBAUTHN, signature: toBase64Url(new Uint8Array(64).fill(3)) });
    expect(parseWebAuthnStamp(stamp)).toMatchObject({ ok: true });
  });
});

describe("challengeMatchesDigest", () => {
  const digest = new Uint8Array(32).map((_, i) => i * 7);
  it("accepts the UTF-8 of the lowercase hex digest (Turnkey) and the raw digest", () => {
    expect(challengeMatchesDigest(toBase64Url(utf8(toHex(digest))), digest)).toBe(true);
    expect(challengeMatchesDigest(toBase64Url(digest), digest)).toBe(true);
  });

  it("refuses another payload's digest, the uppercase hex and garbage", () => {
    const other = digest.map((byte) => byte ^ 1);
    expect(challengeMatchesDigest(toBase64Url(utf8(toHex(other))), digest)).toBe(false);
    expect(challengeMatchesDigest(toBase64Url(utf8(toHex(digest).toUpperCase())), digest)).toBe(false);
    expect(challengeMatchesDigest("!!", digest)).toBe(false);
  });
});
