import type { TRole, TScope } from "@/lib/contracts/auth";

/** What a role may ever do; a token's scopes are cut down to these. */
export function scopesForRole(role: TRole): TScope[] {
  return role === "admin" ? ["read", "trade", "taker", "admin"] : ["read", "trade", "taker"];
}
