import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "trn_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A new API token value: `trn_` + 40 base62 characters (about 238 bits). Shown once, never stored.
 * Other bearer secrets (the RFQ desk's maker sessions) take their own prefix.
 */
export function generateTokenValue(prefix = TOKEN_PREFIX): string {
  let body = "";
  while (body.length < 40) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && body.length < 40) body += BASE62[byte % 62]; // 248 = 4·62: no modulo bias
    }
  }
  return prefix + body;
}

/** Tokens carry ~238 bits of entropy, so one SHA-256 is the right hash (a slow KDF adds nothing). */
export const hashTokenValue = (value: string): string =>
  createHash("sha256").update(value, "utf8").digest("hex");

/** What lists show of a token: its first characters. */
export const tokenDisplayPrefix = (value: string): string => value.slice(0, 8);
