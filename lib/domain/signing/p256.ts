/**
 * NIST P-256 public keys in the compressed SEC1 form Turnkey uses for API keys: 33 bytes, a 02/03
 * prefix (the parity of y) and x. Validation is arithmetic only (is x on the curve?); signatures are
 * verified in lib/server with node:crypto.
 */
import { fromHex } from "./encoding";

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

export type KeyCheck = { ok: true; publicKey: string } | { ok: false; error: string };

function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** Whether some y satisfies y² = x³ − 3x + b (mod p): a compressed key with this x is a real point. */
export function isP256X(x: bigint): boolean {
  if (x < 0n || x >= P) return false;
  const rhs = (((x * x * x - 3n * x + B) % P) + P) % P;
  // p ≡ 3 (mod 4), so a square root, when one exists, is rhs^((p+1)/4).
  const y = powMod(rhs, (P + 1n) / 4n, P);
  return (y * y) % P === rhs;
}

/**
 * Check a compressed P-256 public key given as hex; answers it lowercased. Errors read after the
 * field name: "public_key must be …".
 */
export function checkCompressedP256Key(hex: string): KeyCheck {
  const decoded = fromHex(hex);
  if (!decoded.ok)
    return { ok: false, error: `${decoded.error}; a compressed P-256 public key is 66 hex digits` };
  const bytes = decoded.bytes;
  if (bytes.length !== 33) {
    return {
      ok: false,
      error:
        bytes.length === 65 && bytes[0] === 0x04
          ? "is an uncompressed key (65 bytes); send the compressed form (33 bytes, 02/03 prefix)"
          : `must be a 33-byte compressed P-256 public key (got ${bytes.length} bytes)`,
    };
  }
  if (bytes[0] !== 0x02 && bytes[0] !== 0x03) {
    return { ok: false, error: `must start with 02 or 03 (compressed point), not ${hex.slice(0, 2)}` };
  }
  let x = 0n;
  for (const byte of bytes.subarray(1)) x = (x << 8n) | BigInt(byte);
  if (!isP256X(x)) return { ok: false, error: "is not a point on the P-256 curve" };
  return { ok: true, publicKey: hex.toLowerCase() };
}
