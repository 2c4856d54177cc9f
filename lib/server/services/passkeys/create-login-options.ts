import "server-only";
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import type { TLoginOptions } from "@/lib/contracts/passkeys";
import { db } from "../../db";
import { CHALLENGE_TTL_MS, issueChallenge } from "../../auth/challenges";
import { webAuthnConfig } from "../../auth/webauthn-config";

/**
 * Start a passkey sign-in (public): a fresh challenge, kept server-side for five minutes and usable
 * once, and request options without `allowCredentials`, so the browser offers any discoverable
 * passkey for this site. The answer's `challenge_id` goes back with the assertion to next-auth's
 * "passkey" provider.
 */
export async function createLoginOptions(): Promise<TLoginOptions> {
  const prisma = await db();
  const config = webAuthnConfig();
  const options = await generateAuthenticationOptions({
    rpID: config.rpId,
    userVerification: "required",
    timeout: CHALLENGE_TTL_MS,
  });
  const { id } = await issueChallenge(prisma, {
    purpose: "authentication",
    userId: null,
    challenge: options.challenge,
  });
  return { challenge_id: id, options: options as unknown as Record<string, unknown> };
}
