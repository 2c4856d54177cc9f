/**
 * Turnkey's two stamp formats, parsed and checked for shape (the cryptography is in
 * lib/server/auth/stamps.ts). A stamp signs one payload: the exact text the server issued.
 *
 * - API-key stamp (`X-Stamp`): base64url of the JSON `{publicKey, scheme, signature}`, where
 *   `publicKey` is a compressed P-256 key in hex, `scheme` is "SIGNATURE_SCHEME_TK_API_P256" and
 *   `signature` is the hex DER ECDSA signature over the payload's UTF-8 bytes (SHA-256).
 * - WebAuthn stamp (`X-Stamp-Webauthn`): plain JSON `{credentialId, authenticatorData,
 *   clientDataJson, signature}`, every field base64url, from an assertion whose challenge is the
 *   UTF-8 bytes of the lowercase hex SHA-256 of the payload (or, in a newer variant, the 32 raw
 *   digest bytes).
 *
 * Parsers answer `{ok: false, error}` with a sentence naming what is wrong; the caller prefixes the
 * stamp's position ("signatures[1]: …").
 */
import {
  bytesEqual,
  canonicalBase64Url,
  fromBase64Url,
  fromHex,
  fromUtf8,
  toBase64Url,
  toHex,
  utf8,
} from "./encoding";
import { checkCompressedP256Key } from "./p256";

export const API_KEY_SCHEME = "SIGNATURE_SCHEME_TK_API_P256";
/** Schemes Turnkey defines that this server does not accept, named so the error can say so. */
const OTHER_TURNKEY_SCHEMES = [
  "SIGNATURE_SCHEME_TK_API_SECP256K1",
  "SIGNATURE_SCHEME_TK_API_ED25519",
  "SIGNATURE_SCHEME_TK_API_SECP256K1_EIP191",
];

export type StampAuthType = "web_authn" | "api_key";
export const STAMP_AUTH_TYPES: readonly StampAuthType[] = ["web_authn", "api_key"];

export interface ApiKeyStamp {
  /** Compressed P-256 public key, lowercase hex. */
  publicKey: string;
  scheme: typeof API_KEY_SCHEME;
  /** DER-encoded ECDSA signature. */
  signature: Uint8Array;
}

export interface WebAuthnStamp {
  /** Canonical base64url (no padding), as passkeys are stored. */
  credentialId: string;
  authenticatorData: string;
  clientDataJson: string;
  signature: string;
  /** The parsed clientDataJSON (shape-checked only). */
  clientData: { type: string; challenge: string; origin: string };
  /** The fixed head of authenticatorData. */
  authData: AuthenticatorDataHead;
}

/** The first 37 bytes of authenticatorData: RP ID hash, flags, signature counter. */
export interface AuthenticatorDataHead {
  rpIdHash: Uint8Array;
  /** User present (bit 0). */
  userPresent: boolean;
  /** User verified (bit 2): PIN, biometrics. */
  userVerified: boolean;
  counter: number;
}

export function parseAuthenticatorDataHead(bytes: Uint8Array): AuthenticatorDataHead | null {
  if (bytes.length < 37) return null;
  const flags = bytes[32]!;
  return {
    rpIdHash: bytes.slice(0, 32),
    userPresent: (flags & 0x01) !== 0,
    userVerified: (flags & 0x04) !== 0,
    counter: ((bytes[33]! << 24) >>> 0) + (bytes[34]! << 16) + (bytes[35]! << 8) + bytes[36]!,
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function parseJsonObject(text: string, what: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(`${what} is not JSON`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return fail(`${what} must be a JSON object`);
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Minimal structural check of a DER ECDSA signature: SEQUENCE { INTEGER r, INTEGER s }, lengths
 * consistent, each integer 1–33 bytes. (Strict canonical-DER checking is left to the verifier.)
 */
export function checkDerSignature(bytes: Uint8Array): string | null {
  if (bytes.length < 8 || bytes.length > 72) return `is ${bytes.length} bytes; a DER P-256 signature is 8–72`;
  if (bytes[0] !== 0x30) return "is not DER (expected a SEQUENCE); send the DER form, not raw r‖s";
  if (bytes[1] !== bytes.length - 2) return "is not DER (the SEQUENCE length does not match)";
  let offset = 2;
  for (const name of ["r", "s"]) {
    if (bytes[offset] !== 0x02) return `is not DER (${name} is not an INTEGER)`;
    const length = bytes[offset + 1] ?? 0;
    if (length < 1 || length > 33) return `is not DER (${name} is ${length} bytes)`;
    offset += 2 + length;
    if (offset > bytes.length) return "is not DER (truncated)";
  }
  if (offset !== bytes.length) return "is not DER (trailing bytes)";
  return null;
}

/** Parse an API-key stamp: the base64url string a Turnkey API-key stamper puts in `X-Stamp`. */
export function parseApiKeyStamp(stamp: unknown): Parsed<ApiKeyStamp> {
  if (typeof stamp !== "string") return fail("an api_key stamp must be a base64url string");
  const decoded = fromBase64Url(stamp.trim());
  if (!decoded.ok) return fail(`the api_key stamp ${decoded.error}`);
  const text = fromUtf8(decoded.bytes);
  if (text === null) return fail("the api_key stamp does not decode to UTF-8 JSON");
  const object = parseJsonObject(text, "the decoded api_key stamp");
  if (!object.ok) return object;
  const { publicKey, scheme, signature } = object.value;
  if (typeof scheme !== "string") return fail("the api_key stamp has no scheme");
  if (scheme !== API_KEY_SCHEME) {
    return fail(
      OTHER_TURNKEY_SCHEMES.includes(scheme)
        ? `scheme ${scheme} is not supported; only ${API_KEY_SCHEME}`
        : `unknown scheme ${JSON.stringify(scheme)}; expected ${API_KEY_SCHEME}`,
    );
  }
  if (typeof publicKey !== "string") return fail("the api_key stamp has no publicKey");
  const key = checkCompressedP256Key(publicKey);
  if (!key.ok) return fail(`publicKey ${key.error}`);
  if (typeof signature !== "string") return fail("the api_key stamp has no signature");
  const decodedSignature = fromHex(signature);
  if (!decodedSignature.ok)
    return fail(`signature ${decodedSignature.error}; it is the hex of a DER ECDSA signature`);
  const signatureBytes = decodedSignature.bytes;
  const der = checkDerSignature(signatureBytes);
  if (der) return fail(`signature ${der}`);
  return { ok: true, value: { publicKey: key.publicKey, scheme: API_KEY_SCHEME, signature: signatureBytes } };
}

const WEBAUTHN_FIELDS = ["credentialId", "authenticatorData", "clientDataJson", "signature"] as const;

/**
 * Parse a WebAuthn stamp: the JSON text a Turnkey WebAuthn stamper puts in `X-Stamp-Webauthn` (an
 * already-parsed object is accepted too).
 */
export function parseWebAuthnStamp(stamp: unknown): Parsed<WebAuthnStamp> {
  let record: Record<string, unknown>;
  if (typeof stamp === "string") {
    const object = parseJsonObject(stamp, "the web_authn stamp");
    if (!object.ok) {
      return fail(
        fromBase64Url(stamp.trim()).ok
          ? `${object.error} (it looks base64url-encoded: send the JSON itself, as Turnkey has since 2023)`
          : object.error,
      );
    }
    record = object.value;
  } else if (stamp !== null && typeof stamp === "object" && !Array.isArray(stamp)) {
    record = stamp as Record<string, unknown>;
  } else {
    return fail(
      "a web_authn stamp must be a JSON string {credentialId, authenticatorData, clientDataJson, signature}",
    );
  }
  const fields: Partial<Record<(typeof WEBAUTHN_FIELDS)[number], string>> = {};
  const bytes: Partial<Record<(typeof WEBAUTHN_FIELDS)[number], Uint8Array>> = {};
  for (const name of WEBAUTHN_FIELDS) {
    const value = record[name];
    if (value === undefined && name === "clientDataJson" && "clientDataJSON" in record) {
      return fail("clientDataJson is missing (Turnkey's stamp spells it clientDataJson, not clientDataJSON)");
    }
    if (typeof value !== "string" || value.length === 0) return fail(`${name} is missing or not a string`);
    const decoded = fromBase64Url(value);
    if (!decoded.ok) return fail(`${name} ${decoded.error}`);
    fields[name] = value.replace(/=+$/, "");
    bytes[name] = decoded.bytes;
  }
  const authData = parseAuthenticatorDataHead(bytes.authenticatorData!);
  if (!authData)
    return fail(`authenticatorData is ${bytes.authenticatorData!.length} bytes; it is at least 37`);
  const clientDataText = fromUtf8(bytes.clientDataJson!);
  if (clientDataText === null) return fail("clientDataJson does not decode to UTF-8 JSON");
  const clientData = parseJsonObject(clientDataText, "clientDataJson");
  if (!clientData.ok) return clientData;
  const { type, challenge, origin } = clientData.value;
  if (typeof type !== "string" || typeof challenge !== "string" || typeof origin !== "string") {
    return fail("clientDataJson must carry type, challenge and origin");
  }
  // The signature's encoding is the credential's algorithm's (DER for ES256, raw for Ed25519 and
  // RS256): it is checked when it is verified against the stored public key, not here.
  if (bytes.signature!.length === 0) return fail("signature is empty");
  return {
    ok: true,
    value: {
      credentialId: canonicalBase64Url(fields.credentialId!)!,
      authenticatorData: fields.authenticatorData!,
      clientDataJson: fields.clientDataJson!,
      signature: fields.signature!,
      clientData: { type, challenge, origin },
      authData,
    },
  };
}

/** Format an API-key stamp (what a headless client sends; used by tests and examples). */
export function formatApiKeyStamp({
  publicKey,
  signature,
}: {
  publicKey: string;
  signature: Uint8Array;
}): string {
  return toBase64Url(
    utf8(JSON.stringify({ publicKey, scheme: API_KEY_SCHEME, signature: toHex(signature) })),
  );
}

/** Format a WebAuthn stamp from an assertion's base64url fields (what the browser helper sends). */
export function formatWebAuthnStamp(assertion: {
  credentialId: string;
  authenticatorData: string;
  clientDataJson: string;
  signature: string;
}): string {
  return JSON.stringify({
    authenticatorData: assertion.authenticatorData,
    clientDataJson: assertion.clientDataJson,
    credentialId: assertion.credentialId,
    signature: assertion.signature,
  });
}

/**
 * The challenge forms a WebAuthn stamp may carry for a payload whose SHA-256 is `digest`: the UTF-8
 * bytes of its lowercase hex (Turnkey's released stampers) or the 32 raw bytes (a newer variant).
 */
export function stampChallengeForms(digest: Uint8Array): Uint8Array[] {
  return [utf8(toHex(digest)), digest];
}

/** Whether a clientDataJSON challenge (base64url) is one of the forms for this payload digest. */
export function challengeMatchesDigest(challenge: string, digest: Uint8Array): boolean {
  const decoded = fromBase64Url(challenge);
  if (!decoded.ok) return false;
  return stampChallengeForms(digest).some((form) => bytesEqual(form, decoded.bytes));
}
