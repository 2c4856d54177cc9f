import { z } from "zod";
import { ZRole } from "./auth";

export const ZPassword = z
  .string()
  .min(12, "password must be at least 12 characters")
  .max(200, "password is at most 200 characters");

/** POST /api/users/ (admin) */
export const ZCreateUserRequest = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid email address")),
    password: ZPassword,
    role: ZRole.default("trader"),
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9_.-]{3,40}$/, "username is 3-40 letters, digits, '.', '_' or '-'")
      .optional(),
  })
  .strict();
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  username: z.string().nullable(),
  role: ZRole,
  created_at: z.string(),
  disabled_at: z.string().nullable(),
  /** Whether Gateway execute accepts this user's `api_key` stamps (an admin can turn them off). */
  api_key_stamps: z.boolean(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ users: z.array(ZUser) });

/** PATCH /api/users/{id} (admin): role, disabled flag, or whether `api_key` stamps are accepted. */
export const ZUpdateUserRequest = z
  .object({
    role: ZRole.optional(),
    disabled: z.boolean().optional(),
    api_key_stamps: z.boolean().optional(),
  })
  .strict()
  .refine(
    (body) => body.role !== undefined || body.disabled !== undefined || body.api_key_stamps !== undefined,
    "nothing to update",
  );

/** POST /api/me/password */
export const ZChangePasswordRequest = z
  .object({ current_password: z.string().min(1, "current_password is required"), new_password: ZPassword })
  .strict();
