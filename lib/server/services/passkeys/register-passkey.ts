import "server-only";
import { recordAudit } from "../../audit/record-audit";
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/domain/shared/errors";
import { canonicalBase64Url, fromBase64Url, fromUtf8 } from "@/lib/domain/signing/encoding";
import type { TPasskey, TRegisterPasskeyRequest } from "@/lib/contracts/passkeys";
import { db, Prisma } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { takeChallenge } from "../../auth/challenges";
import { webAuthnConfig } from "../../auth/webauthn-config";
import { serializePasskey } from "../../surfaces/app/passkeys";

/** The challenge a registration response answers, read from its clientDataJSON. */
function challengeOf(clientDataJSON: string): string | null {
  const decoded = fromBase64Url(clientDataJSON);
  const text = decoded.ok ? fromUtf8(decoded.bytes) : null;
  if (text === null) return null;
  try {
    const challenge = (JSON.parse(text) as { challenge?: unknown }).challenge;
    return typeof challenge === "string" ? challenge : null;
  } catch {
    return null;
  }
}

/**
 * Finish registering a passkey: take (delete) the caller's registration challenge first, then
 * verify the attestation (origin, RP ID, user verification) and store the credential under the
 * given name. The challenge works once, for five minutes, for the user it was issued to.
 */
export async function registerPasskey({
  principal,
  httpRequest,
  request,
}: {
  principal: Principal;
  httpRequest?: Request;
  request: TRegisterPasskeyRequest;
}): Promise<TPasskey> {
  if (principal.via !== "session") {
    throw new AppError(
      "forbidden",
      "Passkeys are added from a signed-in browser session, not with an API token.",
    );
  }
  const prisma = await db();
  const challengeText = challengeOf(request.response.response.clientDataJSON);
  const challenge = challengeText
    ? await takeChallenge(prisma, {
        challenge: challengeText,
        purpose: "registration",
        userId: principal.userId,
      })
    : null;
  if (!challenge) {
    throw new AppError(
      "bad_request",
      "This registration's challenge is unknown, expired or already used. Start again from Settings.",
    );
  }
  const config = webAuthnConfig();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: request.response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge.challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      requireUserVerification: true,
    });
  } catch (error) {
    throw new AppError("bad_request", `The passkey could not be verified: ${(error as Error).message}`);
  }
  if (!verification.verified) throw new AppError("bad_request", "The passkey's attestation does not verify.");
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  try {
    const row = await prisma.$transaction(async (tx) => {
      const passkey = await tx.passkey.create({
        data: {
          id: canonicalBase64Url(credential.id) ?? credential.id,
          userId: principal.userId,
          name: request.name,
          publicKey: new Uint8Array(credential.publicKey),
          counter: BigInt(credential.counter),
          transports: credential.transports ?? request.response.response.transports ?? [],
          deviceType: credentialDeviceType,
          backedUp: credentialBackedUp,
        },
      });
      await recordAudit(tx, {
        action: "passkey.registered",
        actor: principal,
        targetId: passkey.id,
        details: { name: passkey.name, device_type: passkey.deviceType },
        request: httpRequest,
      });
      return passkey;
    });
    return serializePasskey(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "This passkey is already registered.");
    }
    throw error;
  }
}
