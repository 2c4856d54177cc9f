import "server-only";
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { AppError } from "@/lib/domain/shared/errors";
import type { TStepUpOptions } from "@/lib/contracts/passkeys";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { CHALLENGE_TTL_MS, issueChallenge } from "../../auth/challenges";
import { webAuthnConfig } from "../../auth/webauthn-config";

/**
 * Start a step-up confirmation: a challenge bound to this user that only their own passkeys may
 * answer (five minutes, single use), for `step_up {challenge_id, response}` on a sensitive change.
 * A user without a passkey confirms with the password instead: `bad_request` says so.
 */
export async function createStepUpOptions({ principal }: { principal: Principal }): Promise<TStepUpOptions> {
  const prisma = await db();
  const passkeys = await prisma.passkey.findMany({
    where: { userId: principal.userId },
    select: { id: true, transports: true },
  });
  if (passkeys.length === 0) {
    throw new AppError(
      "bad_request",
      "You have no passkey: confirm with your password (step_up {password}).",
    );
  }
  const config = webAuthnConfig();
  const options = await generateAuthenticationOptions({
    rpID: config.rpId,
    userVerification: "required",
    timeout: CHALLENGE_TTL_MS,
    allowCredentials: passkeys.map((passkey) => ({
      id: passkey.id,
      transports: passkey.transports as never,
    })),
  });
  const { id } = await issueChallenge(prisma, {
    purpose: "step_up",
    userId: principal.userId,
    challenge: options.challenge,
  });
  return { challenge_id: id, options: options as unknown as Record<string, unknown> };
}
