import type { TPasskey } from "@/lib/contracts/passkeys";
import type { TCreatedSigningKey, TSigningKey } from "@/lib/contracts/signing-keys";

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

interface PasskeyRow {
  id: string;
  name: string;
  deviceType: string;
  backedUp: boolean;
  transports: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** A passkey as Settings lists it: never its public key or counter. */
export const serializePasskey = (row: PasskeyRow): TPasskey => ({
  id: row.id,
  name: row.name,
  device_type: row.deviceType,
  backed_up: row.backedUp,
  transports: row.transports,
  created_at: row.createdAt.toISOString(),
  last_used_at: iso(row.lastUsedAt),
});

interface SigningKeyRow {
  id: string;
  publicKey: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The answer to POST /api/signing_keys/. */
export const serializeCreatedSigningKey = (row: SigningKeyRow): TCreatedSigningKey => ({
  id: row.id,
  public_key: row.publicKey,
  label: row.label,
  created_at: row.createdAt.toISOString(),
});

export const serializeSigningKey = (row: SigningKeyRow): TSigningKey => ({
  ...serializeCreatedSigningKey(row),
  last_used_at: iso(row.lastUsedAt),
  revoked_at: iso(row.revokedAt),
});
