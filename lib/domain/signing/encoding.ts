/**
 * Byte encodings the stamp formats use: base64url (RFC 4648 §5, padding optional) and lowercase hex.
 * Decoders are strict and say what is wrong, because a malformed stamp must be answered with a
 * message a client can act on.
 */

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64URL_INDEX = new Map([...B64URL].map((char, index) => [char, index]));

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64URL[a >> 2]! + B64URL[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += B64URL[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += B64URL[c & 63]!;
  }
  return out;
}

/** Decode base64url (trailing `=` padding tolerated); standard base64's `+` and `/` are refused. */
export function fromBase64Url(text: string): Decoded {
  const body = text.replace(/={1,2}$/, "");
  if (body.length === 0) return { ok: false, error: "is empty" };
  if (/[+/]/.test(body))
    return { ok: false, error: "uses base64's '+' or '/'; base64url ('-', '_') expected" };
  if (body.length % 4 === 1) return { ok: false, error: "has an impossible base64url length" };
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of body) {
    const sextet = B64URL_INDEX.get(char);
    if (sextet === undefined)
      return { ok: false, error: `is not base64url (unexpected ${JSON.stringify(char)})` };
    value = (value << 6) | sextet;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two encodings would decode to the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) return { ok: false, error: "is not canonical base64url" };
  return { ok: true, bytes };
}

/** Re-encode base64url in its canonical form (no padding), or null when it does not decode. */
export function canonicalBase64Url(text: string): string | null {
  const decoded = fromBase64Url(text);
  return decoded.ok ? toBase64Url(decoded.bytes) : null;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** Decode hex (either case, no `0x`). */
export function fromHex(text: string): Decoded {
  if (text.length === 0) return { ok: false, error: "is empty" };
  if (text.startsWith("0x") || text.startsWith("0X"))
    return { ok: false, error: "must be hex without a 0x prefix" };
  if (!/^[0-9a-fA-F]*$/.test(text)) return { ok: false, error: "is not hex" };
  if (text.length % 2 !== 0) return { ok: false, error: "has an odd number of hex digits" };
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return { ok: true, bytes };
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** Strict UTF-8 decoding: invalid sequences are an error, not U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
