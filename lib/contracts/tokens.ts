import { z } from "zod";
import { ZScope } from "./auth";

/** POST /api/tokens/ */
export const ZCreateTokenRequest = z
  .object({
    label: z.string().trim().min(1, "label is required").max(100, "label is at most 100 characters"),
    scopes: z
      .array(ZScope)
      .min(1, "at least one scope is required")
      .refine((scopes) => new Set(scopes).size === scopes.length, "scopes must not repeat"),
    /** Admins only: mint the token for another user. */
    user_id: z.string().uuid("user_id must be a UUID").optional(),
    /** Optional expiry (ISO 8601, in the future). */
    expires_at: z.iso
      .datetime({ offset: true, message: "expires_at must be an ISO 8601 date-time" })
      .optional(),
  })
  .strict();
export type TCreateTokenRequest = z.infer<typeof ZCreateTokenRequest>;

export const ZToken = z.object({
  id: z.string().uuid(),
  user_id: z.string().uuid(),
  label: z.string(),
  /** First characters of the value, to tell tokens apart. */
  prefix: z.string(),
  scopes: z.array(ZScope),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type TToken = z.infer<typeof ZToken>;

/** The answer to a create: the only time the value is ever shown. */
export const ZCreatedToken = ZToken.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedToken>;

export const ZTokenList = z.object({ tokens: z.array(ZToken) });
export type TTokenList = z.infer<typeof ZTokenList>;
