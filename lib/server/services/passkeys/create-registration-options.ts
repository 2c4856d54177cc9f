import "server-only";
import { generateRegistrationOptions } from "@simplewebauthn/server";
import { AppError } from "@/lib/domain/shared/errors";
import type { TRegistrationOptions, TRegistrationOptionsRequest } from "@/lib/contracts/passkeys";
import { requireStepUp } from "../../auth/step-up";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { CHALLENGE_TTL_MS, issueChallenge } from "../../auth/challenges";
import { userHandleOf } from "../../auth/passkeys";
import { webAuthnConfig } from "../../auth/webauthn-config";

/**
 * Start registering a passkey: options for the browser's `navigator.credentials.create()`, with a
 * fresh challenge kept server-side for five minutes. A discoverable credential (so the person can
 * sign in without typing an email) and user verification are required; passkeys the user already
 * has are excluded; once the user has a passkey, a new one needs a step-up with an existing one.
 * Only a signed-in browser may add one: an API token cannot add a passkey to the
 * account it belongs to (a stolen token must not become a sign-in credential).
 */
export async function createRegistrationOptions({
  principal,
  request,
  httpRequest,
}: {
  principal: Principal;
  request: TRegistrationOptionsRequest;
  httpRequest?: Request;
}): Promise<TRegistrationOptions> {
  if (principal.via !== "session") {
    throw new AppError(
      "forbidden",
      "Passkeys are added from a signed-in browser session, not with an API token.",
    );
  }
  const prisma = await db();
  const existing = await prisma.passkey.findMany({
    where: { userId: principal.userId },
    select: { id: true, transports: true },
  });
  // A stolen session must not add its own passkey beside the person's: one of theirs confirms it.
  if (existing.length > 0) await requireStepUp({ principal, proof: request.step_up, request: httpRequest });
  const config = webAuthnConfig();
  const options = await generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userName: principal.email,
    userDisplayName: principal.username ?? principal.email,
    userID: userHandleOf(principal.userId),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      transports: passkey.transports as never,
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await issueChallenge(prisma, {
    purpose: "registration",
    userId: principal.userId,
    challenge: options.challenge,
  });
  return { options: options as unknown as Record<string, unknown> };
}
