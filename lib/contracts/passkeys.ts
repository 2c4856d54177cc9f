import { z } from "zod";

/** A base64url field of a WebAuthn response (padding tolerated). */
const ZBase64Url = z
  .string()
  .min(1, "must not be empty")
  .max(16_384, "is too long")
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url");

const ZName = z.string().trim().min(1, "name is required").max(100, "name is at most 100 characters");

const ZClientExtensionResults = z.record(z.string(), z.unknown()).default({});
const ZAttachment = z.enum(["platform", "cross-platform"]).optional();

/** What @simplewebauthn/browser's startRegistration() returns (RegistrationResponseJSON). */
export const ZRegistrationResponse = z.object({
  id: ZBase64Url,
  rawId: ZBase64Url,
  type: z.literal("public-key", { message: 'type must be "public-key"' }),
  response: z
    .object({
      clientDataJSON: ZBase64Url,
      attestationObject: ZBase64Url,
      authenticatorData: ZBase64Url.optional(),
      transports: z.array(z.string().max(32)).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: ZBase64Url.optional(),
    })
    .loose(),
  clientExtensionResults: ZClientExtensionResults,
  authenticatorAttachment: ZAttachment,
});
export type TRegistrationResponse = z.infer<typeof ZRegistrationResponse>;

/** What @simplewebauthn/browser's startAuthentication() returns (AuthenticationResponseJSON). */
export const ZAuthenticationResponse = z.object({
  id: ZBase64Url,
  rawId: ZBase64Url,
  type: z.literal("public-key", { message: 'type must be "public-key"' }),
  response: z
    .object({
      clientDataJSON: ZBase64Url,
      authenticatorData: ZBase64Url,
      signature: ZBase64Url,
      userHandle: ZBase64Url.optional(),
    })
    .loose(),
  clientExtensionResults: ZClientExtensionResults,
  authenticatorAttachment: ZAttachment,
});
export type TAuthenticationResponse = z.infer<typeof ZAuthenticationResponse>;

/**
 * A fresh proof that the person is present, for changes that would let a stolen credential
 * persist (adding a passkey when one exists, registering a signing key): a passkey assertion
 * answering a challenge from POST /api/auth/step_up/options, or — only for a user who has no
 * passkey, in a signed-in browser — the account password.
 */
export const ZStepUpProof = z.union([
  z
    .object({
      challenge_id: z.string().uuid("challenge_id must be a uuid"),
      response: ZAuthenticationResponse,
    })
    .strict(),
  z
    .object({
      password: z.string().min(1, "password is required").max(200, "password is at most 200 characters"),
    })
    .strict(),
]);
export type TStepUpProof = z.infer<typeof ZStepUpProof>;

/** POST /api/auth/step_up/options → a challenge only this user's passkeys can answer. */
export const ZStepUpOptions = z.object({
  challenge_id: z.string().uuid(),
  /** PublicKeyCredentialRequestOptionsJSON for @simplewebauthn/browser's startAuthentication(). */
  options: z.record(z.string(), z.unknown()),
});
export type TStepUpOptions = z.infer<typeof ZStepUpOptions>;

/** POST /api/passkeys/register/options: a step-up proof once the user has a passkey. */
export const ZRegistrationOptionsRequest = z.object({ step_up: ZStepUpProof.optional() }).strict();
export type TRegistrationOptionsRequest = z.infer<typeof ZRegistrationOptionsRequest>;

/** POST /api/passkeys/register/verify */
export const ZRegisterPasskeyRequest = z.object({ name: ZName, response: ZRegistrationResponse }).strict();
export type TRegisterPasskeyRequest = z.infer<typeof ZRegisterPasskeyRequest>;

/** PATCH /api/passkeys/{id} */
export const ZRenamePasskeyRequest = z.object({ name: ZName }).strict();
export type TRenamePasskeyRequest = z.infer<typeof ZRenamePasskeyRequest>;

/** A passkey's id in the path: its credential id (base64url). */
export const ZPasskeyIdParams = z.object({
  id: z
    .string()
    .max(1024, "must be a passkey id")
    .regex(/^[A-Za-z0-9_-]+$/, "must be a passkey id (base64url)"),
});

export const ZPasskey = z.object({
  /** The credential id (base64url). */
  id: z.string(),
  name: z.string(),
  /** "singleDevice" or "multiDevice" (synced). */
  device_type: z.string(),
  backed_up: z.boolean(),
  transports: z.array(z.string()),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});
export type TPasskey = z.infer<typeof ZPasskey>;

export const ZPasskeyList = z.object({ passkeys: z.array(ZPasskey) });
export type TPasskeyList = z.infer<typeof ZPasskeyList>;

/**
 * WebAuthn options as JSON (PublicKeyCredentialCreationOptionsJSON /
 * PublicKeyCredentialRequestOptionsJSON), handed to @simplewebauthn/browser unchanged.
 */
const ZOptionsJson = z.record(z.string(), z.unknown());

/** POST /api/passkeys/register/options */
export const ZRegistrationOptions = z.object({ options: ZOptionsJson });
export type TRegistrationOptions = z.infer<typeof ZRegistrationOptions>;

/** POST /api/auth/passkey/options: a sign-in challenge and its id (sent back with the assertion). */
export const ZLoginOptions = z.object({ challenge_id: z.string().uuid(), options: ZOptionsJson });
export type TLoginOptions = z.infer<typeof ZLoginOptions>;

/**
 * POST /api/passkeys/stamp/options: what the browser needs to stamp a payload with a passkey. There
 * is no challenge: a stamp's challenge is derived from the payload it signs.
 */
export const ZStampOptions = z.object({
  rpId: z.string(),
  allowCredentials: z.array(
    z.object({ id: z.string(), type: z.literal("public-key"), transports: z.array(z.string()).optional() }),
  ),
  userVerification: z.literal("required"),
  timeout: z.number().int(),
});
export type TStampOptions = z.infer<typeof ZStampOptions>;
