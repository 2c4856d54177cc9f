import { z } from "zod";

export const ALL_SCOPES = ["read", "trade", "taker", "admin"] as const;
export const ZScope = z.enum(ALL_SCOPES);
export type TScope = z.infer<typeof ZScope>;

export const ZRole = z.enum(["admin", "trader"]);
export type TRole = z.infer<typeof ZRole>;

/** GET /api/me */
export const ZMeResponse = z.object({
  id: z.string().uuid(),
  email: z.string(),
  username: z.string().nullable(),
  role: ZRole,
  auth: z.enum(["session", "token"]),
  /** Scopes of the token used; for a session, every scope the role allows. */
  scopes: z.array(ZScope),
  token_id: z.string().uuid().optional(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;
