import { z } from "zod";

/**
 * The audit log's actions, each written when it happens (lib/server/audit/record-audit.ts):
 * - `sign_in` / `sign_in.failed` — a password or passkey sign-in, or a refused one;
 * - `step_up.failed` — a passkey or password confirmation for a sensitive change was refused;
 * - `token.created` / `token.revoked`, `passkey.registered` / `passkey.deleted`;
 * - `signing_key.created` (by its owner, after a step-up), `signing_key.provisioned` (by an admin for
 *   a user), `signing_key.revoked`;
 * - `user.created`, `user.updated` (role, disabled, `api_key_stamps`), `password.changed`;
 * - `orders.cancel_all`, `faucet.minted`.
 */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in.failed",
  "step_up.failed",
  "token.created",
  "token.revoked",
  "passkey.registered",
  "passkey.deleted",
  "signing_key.created",
  "signing_key.provisioned",
  "signing_key.revoked",
  "user.created",
  "user.updated",
  "password.changed",
  "orders.cancel_all",
  "faucet.minted",
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const ZAuditEvent = z.object({
  id: z.string(),
  created_at: z.string(),
  action: ZAuditAction,
  actor_user_id: z.string().nullable(),
  actor_email: z.string().nullable(),
  /** `session`, `token`, or null for the system. */
  actor_via: z.string().nullable(),
  actor_token_id: z.string().nullable(),
  subject_user_id: z.string().nullable(),
  subject_email: z.string().nullable(),
  target_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** GET /api/audit_log/ (admin): newest first. */
export const ZAuditQuery = z
  .object({
    action: ZAuditAction.optional(),
    user_id: z.string().uuid("user_id must be a uuid").optional(),
    /** Events older than this id (the previous page's `next_before`). */
    before: z
      .string()
      .regex(/^\d{1,18}$/, "before must be an event id")
      .optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, "limit is at least 1")
      .max(500, "limit is at most 500")
      .default(100),
  })
  .strict();
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = z.object({ events: z.array(ZAuditEvent), next_before: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
