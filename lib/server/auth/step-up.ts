import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TStepUpProof } from "@/lib/contracts/passkeys";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "./authenticate";
import { takeChallenge } from "./challenges";
import { checkPassword, clientIp } from "./login";
import { verifyPasskeyAssertion } from "./passkeys";

/**
 * Step-up: a change that would let a stolen credential outlast its theft — adding a passkey when
 * one exists, registering a signing key that can stamp DeFi executions — needs the person, not just
 * a token or a cookie. A user with a passkey answers a fresh `step_up` challenge with it (single
 * use, five minutes, bound to the user, user verification required); a user without one confirms
 * the account password from a signed-in browser (throttled like sign-ins). An API token alone never
 * suffices. A refused confirmation is recorded in the audit log.
 *
 * Errors: `forbidden` (403) naming what is missing or wrong; `rate_limited` (429) after too many
 * wrong passwords.
 */
export async function requireStepUp({
  principal,
  proof,
  request,
  now = new Date(),
}: {
  principal: Principal;
  proof: TStepUpProof | undefined;
  request?: Request;
  now?: Date;
}): Promise<void> {
  const prisma = await db();
  const hasPasskey = (await prisma.passkey.count({ where: { userId: principal.userId } })) > 0;
  const refuse = async (message: string, reason: string) => {
    await recordAudit(prisma, {
      action: "step_up.failed",
      actor: principal,
      details: { method: hasPasskey ? "passkey" : "password", reason },
      request,
    });
    return new AppError("forbidden", message);
  };
  if (hasPasskey) {
    if (!proof || !("challenge_id" in proof)) {
      throw new AppError(
        "forbidden",
        "Confirm with your passkey first: POST /api/auth/step_up/options, then send step_up {challenge_id, response}.",
      );
    }
    const challenge = await takeChallenge(
      prisma,
      { id: proof.challenge_id, purpose: "step_up", userId: principal.userId },
      now,
    );
    if (!challenge) {
      throw await refuse(
        "The passkey confirmation expired or was already used: ask for a new one.",
        "challenge unknown, expired or used",
      );
    }
    const verified = await verifyPasskeyAssertion({
      challenge: challenge.challenge,
      response: proof.response,
      userId: principal.userId,
      now,
    });
    if (!verified.ok) throw await refuse("The passkey confirmation did not verify.", verified.reason);
    return;
  }
  if (principal.via !== "session") {
    throw new AppError(
      "forbidden",
      "Confirm with your password from a signed-in browser session: an API token cannot make this change.",
    );
  }
  if (!proof || !("password" in proof)) {
    throw new AppError("forbidden", "Confirm with your password: send step_up {password}.");
  }
  const login = await checkPassword({
    login: principal.email,
    password: proof.password,
    ip: request ? clientIp(request.headers) : "local",
  });
  if (!login || login.id !== principal.userId) throw await refuse("The password is wrong.", "wrong password");
}
