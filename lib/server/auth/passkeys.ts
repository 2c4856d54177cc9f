import "server-only";
import {
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import { ZAuthenticationResponse, type TAuthenticationResponse } from "@/lib/contracts/passkeys";
import { canonicalBase64Url, toBase64Url, utf8 } from "@/lib/domain/signing/encoding";
import { db, type Tx } from "../db";
import { takeChallenge } from "./challenges";
import type { VerifiedLogin } from "./login";
import { webAuthnConfig } from "./webauthn-config";

/** The stored passkey fields verification needs. */
export interface PasskeyRow {
  id: string;
  userId: string;
  publicKey: Uint8Array;
  counter: bigint;
  transports: string[];
}

/** The WebAuthn user handle of a user: the UTF-8 bytes of their id (stable, and no personal data). */
export const userHandleOf = (userId: string): Uint8Array<ArrayBuffer> => utf8(userId);

/** A stored passkey as @simplewebauthn/server wants it. */
export function webAuthnCredentialOf(row: PasskeyRow, counter: bigint = row.counter): WebAuthnCredential {
  return {
    id: row.id,
    publicKey: new Uint8Array(row.publicKey),
    counter: Number(counter),
    transports: row.transports as WebAuthnCredential["transports"],
  };
}

/**
 * Move a passkey's counter forward, compare-and-set: only if the stored counter is still below the
 * new one (another sign-in or stamp that got further first wins). Synced passkeys report 0 forever;
 * for them (both 0) only the last-used time moves. Answers false when the write did not happen.
 */
export async function advancePasskeyCounter(
  prisma: Pick<Tx, "passkey">,
  { id, userId, from, to, now }: { id: string; userId: string; from: bigint; to: bigint; now: Date },
): Promise<boolean> {
  const { count } =
    from === 0n && to === 0n
      ? await prisma.passkey.updateMany({ where: { id, userId }, data: { lastUsedAt: now } })
      : await prisma.passkey.updateMany({
          where: { id, userId, counter: { lt: to } },
          data: { counter: to, lastUsedAt: now },
        });
  return count === 1;
}

/**
 * Verify an assertion against a challenge already taken (deleted) by the caller, with user
 * verification required and the signature counter checked and advanced. `userId`: the credential
 * must belong to this user. Answers the passkey and its user, or the reason it is refused.
 */
export async function verifyPasskeyAssertion({
  challenge,
  response,
  userId,
  now = new Date(),
}: {
  challenge: string;
  response: TAuthenticationResponse;
  userId?: string;
  now?: Date;
}): Promise<
  | { ok: true; passkey: PasskeyRow; user: VerifiedLogin & { disabledAt: Date | null } }
  | { ok: false; reason: string }
> {
  const refuse = (reason: string) => ({ ok: false as const, reason });
  const credentialId = canonicalBase64Url(response.id);
  if (!credentialId) return refuse("the credential id is not base64url");
  const prisma = await db();
  const passkey = await prisma.passkey.findUnique({ where: { id: credentialId }, include: { user: true } });
  if (!passkey || (userId !== undefined && passkey.userId !== userId)) return refuse("unknown credential");
  if (passkey.user.disabledAt) return refuse("the user is disabled");
  const userHandle = response.response.userHandle;
  if (userHandle && canonicalBase64Url(userHandle) !== toBase64Url(userHandleOf(passkey.userId))) {
    return refuse("the user handle does not match the credential's owner");
  }
  const config = webAuthnConfig();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: { ...response, id: credentialId, rawId: credentialId } as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      credential: webAuthnCredentialOf(passkey),
      requireUserVerification: true,
    });
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (!verification.verified) return refuse("the signature does not verify");
  const advanced = await advancePasskeyCounter(prisma, {
    id: passkey.id,
    userId: passkey.userId,
    from: passkey.counter,
    to: BigInt(verification.authenticationInfo.newCounter),
    now,
  });
  if (!advanced) return refuse("the signature counter did not move forward (a cloned or replayed assertion)");
  const { user } = passkey;
  return {
    ok: true,
    passkey,
    user: { id: user.id, email: user.email, role: user.role, disabledAt: user.disabledAt },
  };
}

/**
 * Passkey sign-in: verify an assertion against the sign-in challenge `challengeId` (taken — deleted —
 * first, so it works once). Answers the user, or null with the reason logged.
 */
export async function verifyPasskeyLogin({
  challengeId,
  response: rawResponse,
  now = new Date(),
}: {
  challengeId: string;
  response: unknown;
  now?: Date;
}): Promise<VerifiedLogin | null> {
  const refuse = (reason: string) => {
    console.warn(`[auth] passkey sign-in refused: ${reason}`);
    return null;
  };
  const parsed = ZAuthenticationResponse.safeParse(rawResponse);
  if (!parsed.success) return refuse("the assertion is malformed");
  if (!/^[0-9a-f-]{36}$/i.test(challengeId)) return refuse("no challenge id");
  const prisma = await db();
  const challenge = await takeChallenge(prisma, { id: challengeId, purpose: "authentication" }, now);
  if (!challenge) return refuse("the challenge is unknown, expired or already used");
  const verified = await verifyPasskeyAssertion({
    challenge: challenge.challenge,
    response: parsed.data,
    now,
  });
  if (!verified.ok) return refuse(verified.reason);
  const { id, email, role } = verified.user;
  return { id, email, role };
}
