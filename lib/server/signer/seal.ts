import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { encryptionKey } from "./encryption-key";

/**
 * AES-256-GCM for secrets at rest. The sealed form is `v1:` + base64(iv ‖ ciphertext ‖ tag) with a
 * fresh 96-bit iv; `context` is authenticated additional data naming what the secret belongs to,
 * so a sealed value copied onto another row does not open there.
 */
const VERSION = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(plaintext: Uint8Array, context: string, key: Buffer = encryptionKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64");
}

/** Throws when the value was not sealed under this key and context (or was tampered with). */
export function unseal(sealed: string, context: string, key: Buffer = encryptionKey()): Buffer {
  if (!sealed.startsWith(VERSION)) throw new Error("Unknown sealed-secret format.");
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Sealed secret is truncated.");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
}
