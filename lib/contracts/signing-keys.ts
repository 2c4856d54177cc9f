import { z } from "zod";
import { checkCompressedP256Key } from "@/lib/domain/signing/p256";
import { ZStepUpProof } from "./passkeys";

/** POST /api/signing_keys/ */
export const ZCreateSigningKeyRequest = z
  .object({
    /** Compressed P-256 public key, hex (66 digits, 02/03 prefix, a point on the curve). */
    public_key: z
      .string()
      .trim()
      .superRefine((value, context) => {
        const check = checkCompressedP256Key(value);
        if (!check.ok) context.addIssue({ code: "custom", message: check.error });
      })
      .transform((value) => value.toLowerCase()),
    label: z.string().trim().min(1, "label is required").max(100, "label is at most 100 characters"),
    /** Required for one's own key: a fresh passkey assertion (or the password, with no passkey). */
    step_up: ZStepUpProof.optional(),
    /** Admins (`admin` scope): provision the key for this user instead; recorded in the audit log. */
    user_id: z.string().uuid("user_id must be a uuid").optional(),
  })
  .strict();
export type TCreateSigningKeyRequest = z.infer<typeof ZCreateSigningKeyRequest>;

/** The answer to a create. */
export const ZCreatedSigningKey = z.object({
  id: z.string().uuid(),
  public_key: z.string(),
  label: z.string(),
  created_at: z.string(),
});
export type TCreatedSigningKey = z.infer<typeof ZCreatedSigningKey>;

/** A signing key as lists show it. */
export const ZSigningKey = ZCreatedSigningKey.extend({
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type TSigningKey = z.infer<typeof ZSigningKey>;

export const ZSigningKeyList = z.object({ signing_keys: z.array(ZSigningKey) });
export type TSigningKeyList = z.infer<typeof ZSigningKeyList>;
