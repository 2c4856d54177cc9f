import type { TCreatedToken, TToken } from "@/lib/contracts/tokens";
import type { TUser } from "@/lib/contracts/users";
import type { TScope } from "@/lib/contracts/auth";

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

interface TokenRow {
  id: string;
  userId: string;
  label: string;
  prefix: string;
  scopes: TScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** A token as lists show it: never its value or hash. */
export const serializeToken = (row: TokenRow): TToken => ({
  id: row.id,
  user_id: row.userId,
  label: row.label,
  prefix: row.prefix,
  scopes: row.scopes,
  created_at: row.createdAt.toISOString(),
  last_used_at: iso(row.lastUsedAt),
  expires_at: iso(row.expiresAt),
  revoked_at: iso(row.revokedAt),
});

export const serializeCreatedToken = (row: TokenRow, value: string): TCreatedToken => ({
  ...serializeToken(row),
  token: value,
});

interface UserRow {
  id: string;
  email: string;
  username: string | null;
  role: "admin" | "trader";
  createdAt: Date;
  disabledAt: Date | null;
  apiKeyStampsAllowed: boolean;
}

/** A user without secrets. */
export const serializeUser = (row: UserRow): TUser => ({
  id: row.id,
  email: row.email,
  username: row.username,
  role: row.role,
  created_at: row.createdAt.toISOString(),
  disabled_at: iso(row.disabledAt),
  api_key_stamps: row.apiKeyStampsAllowed,
});
