import "server-only";
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";

/**
 * ECDSA P-256 with node:crypto for Turnkey API-key stamps. The stamp carries the compressed point;
 * Node takes keys as SPKI, so the point is wrapped in the fixed SPKI header for id-ecPublicKey +
 * prime256v1 (the same 26 bytes for every compressed key).
 */
const SPKI_COMPRESSED_P256_PREFIX = Buffer.from(
  "3039301306072a8648ce3d020106082a8648ce3d030107032200",
  "hex",
);

export const sha256 = (data: Uint8Array | string): Buffer => createHash("sha256").update(data).digest();

/** A node KeyObject for a compressed P-256 key (hex); throws when it is not a valid point. */
export function p256KeyFromCompressed(publicKeyHex: string): KeyObject {
  const point = Buffer.from(publicKeyHex, "hex");
  return createPublicKey({
    key: Buffer.concat([SPKI_COMPRESSED_P256_PREFIX, point]),
    format: "der",
    type: "spki",
  });
}

/** Whether `signature` (DER) is a valid ECDSA P-256 / SHA-256 signature of `data` by the key. */
export function verifyP256(publicKeyHex: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(
      "sha256",
      data,
      { key: p256KeyFromCompressed(publicKeyHex), dsaEncoding: "der" },
      signature,
    );
  } catch {
    return false;
  }
}
