import "server-only";
import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { AppError } from "@/lib/domain/shared/errors";
import { bytesEqual, toHex, utf8 } from "@/lib/domain/signing/encoding";
import { canonicalJson } from "@/lib/domain/signing/canonical-json";
import {
  challengeMatchesDigest,
  parseApiKeyStamp,
  parseWebAuthnStamp,
  type ApiKeyStamp,
  type WebAuthnStamp,
} from "@/lib/domain/signing/stamps";
import { db, type Tx } from "../db";
import { advancePasskeyCounter, webAuthnCredentialOf, type PasskeyRow } from "./passkeys";
import { sha256, verifyP256 } from "./p256";
import { webAuthnConfig } from "./webauthn-config";

/**
 * Signed execution: a client authorizes each payload the server issued (the exact stored text) with
 * one Turnkey stamp, made by a passkey (`web_authn`) or a registered P-256 signing key (`api_key`).
 * The Gateway's execute calls `verifyStamps` before it changes anything, then runs `commit` inside
 * the transaction that moves the order, so stamps are consumed exactly when the order moves.
 *
 * Errors (`AppError` codes; every message names the stamp, e.g. "signatures[1]: …"):
 * - `bad_request` — `auth_type` is not web_authn/api_key; `signatures` is not an array, is empty, or
 *   its length differs from the payloads'; a stamp is malformed (not the format, bad base64url/hex,
 *   not JSON, unsupported scheme, not a compressed P-256 key, not a DER signature, short
 *   authenticatorData, clientDataJson without type/challenge/origin).
 * - `forbidden` — from `verifyStamps`: the key or passkey is unknown, another user's, or revoked; the
 *   signature does not verify; the assertion is not `webauthn.get`, was made for another payload
 *   (challenge), on an origin not in WEBAUTHN_ORIGINS or for another RP ID, without user presence or
 *   user verification, or with a signature counter that did not move forward; the stamp was already
 *   used. From `commit`: the key was revoked or the passkey deleted since verification.
 * - `conflict` — from `commit` only: a concurrent request consumed these stamps (or moved the
 *   passkey's counter past them) between verification and commit. The caller's transaction fails,
 *   like a second execute does.
 *
 * Single use: a stamp is identified by (auth type, signer, SHA-256 of the payload) and recorded in
 * `UsedStamp` as the SHA-256 of that identity. The signature bytes are deliberately left out: ECDSA
 * signatures are malleable ((r, s) and (r, n−s) both verify), so hashing them would let a replayed
 * stamp in under a new hash. Payloads carry a nonce, so a signer never legitimately signs one twice.
 */
export type StampAuthType = "web_authn" | "api_key";

export interface StampVerification {
  /** Write counters, lastUsedAt and the used-stamp records inside the caller's transaction. */
  commit(tx: Tx): Promise<void>;
}

const badRequest = (message: string) => new AppError("bad_request", message);
const forbidden = (message: string) => new AppError("forbidden", message);

/** The UsedStamp key of one stamp: who signed which payload. */
const stampHash = (authType: StampAuthType, signer: string, digest: Uint8Array): string =>
  sha256(canonicalJson({ authType, payloadSha256: toHex(digest), signer })).toString("hex");

interface VerifiedStamps {
  hashes: string[];
  commit(tx: Tx, now: Date): Promise<void>;
}

/**
 * Verify signatures[i] against payloads[i] (the exact stored strings) for this user. Throws
 * AppError("bad_request") for a malformed stamp or a count mismatch, AppError("forbidden") when a
 * stamp does not verify, the key/credential is not this user's (or revoked), UV is missing,
 * origin/RP ID are wrong, the counter replays, or the stamp was already used.
 */
export async function verifyStamps(options: {
  userId: string;
  payloads: string[];
  signatures: unknown[];
  authType: StampAuthType;
}): Promise<StampVerification> {
  const { userId, payloads, signatures, authType } = options;
  if (authType !== "web_authn" && authType !== "api_key") {
    throw badRequest('auth_type must be "web_authn" or "api_key".');
  }
  if (!Array.isArray(payloads) || payloads.some((payload) => typeof payload !== "string")) {
    throw new TypeError("verifyStamps: payloads must be the stored payload strings");
  }
  if (!Array.isArray(signatures)) throw badRequest("signatures must be an array of stamps.");
  if (payloads.length === 0) throw badRequest("There are no payloads to sign.");
  if (signatures.length !== payloads.length) {
    throw badRequest(
      `Expected ${payloads.length} signature${payloads.length === 1 ? "" : "s"} (one per payload, in order), got ${signatures.length}.`,
    );
  }
  const digests = payloads.map((payload) => new Uint8Array(sha256(utf8(payload))));
  const prisma = await db();
  const verified =
    authType === "api_key"
      ? await verifyApiKeyStamps(prisma, userId, payloads, signatures, digests)
      : await verifyWebAuthnStamps(prisma, userId, signatures, digests);
  const hashes = [...new Set(verified.hashes)];
  return {
    async commit(tx) {
      const now = new Date();
      await verified.commit(tx, now);
      const { count } = await tx.usedStamp.createMany({
        data: hashes.map((hash) => ({ hash, userId })),
        skipDuplicates: true,
      });
      if (count !== hashes.length) {
        throw new AppError("conflict", "These signatures were just used by another request.");
      }
    },
  };
}

type Prisma = Awaited<ReturnType<typeof db>>;

/** Refuse stamps already consumed (the commit's insert catches the ones that race us). */
async function assertUnused(prisma: Prisma, hashes: string[]): Promise<void> {
  const used = await prisma.usedStamp.findMany({ where: { hash: { in: hashes } }, select: { hash: true } });
  if (used.length === 0) return;
  const index = hashes.findIndex((hash) => used.some((row) => row.hash === hash));
  throw forbidden(`signatures[${index}]: this stamp was already used.`);
}

async function verifyApiKeyStamps(
  prisma: Prisma,
  userId: string,
  payloads: string[],
  signatures: unknown[],
  digests: Uint8Array[],
): Promise<VerifiedStamps> {
  const stamps: ApiKeyStamp[] = signatures.map((signature, index) => {
    const parsed = parseApiKeyStamp(signature);
    if (!parsed.ok) throw badRequest(`signatures[${index}]: ${parsed.error}.`);
    return parsed.value;
  });
  const owner = await prisma.user.findUnique({
    where: { id: userId },
    select: { apiKeyStampsAllowed: true },
  });
  if (!owner?.apiKeyStampsAllowed) {
    throw forbidden(
      'API-key stamps are turned off for this account by an administrator: sign with a passkey (auth_type "web_authn").',
    );
  }
  const keys = await prisma.signingKey.findMany({
    where: {
      publicKey: { in: [...new Set(stamps.map((stamp) => stamp.publicKey))] },
      userId,
      revokedAt: null,
    },
  });
  const keyOf = new Map(keys.map((key) => [key.publicKey, key]));
  stamps.forEach((stamp, index) => {
    if (!keyOf.has(stamp.publicKey)) {
      throw forbidden(
        `signatures[${index}]: signing key ${stamp.publicKey} is not registered to this account, or was revoked.`,
      );
    }
  });
  const hashes = stamps.map((stamp, index) => stampHash("api_key", stamp.publicKey, digests[index]!));
  await assertUnused(prisma, hashes);
  stamps.forEach((stamp, index) => {
    if (!verifyP256(stamp.publicKey, utf8(payloads[index]!), stamp.signature)) {
      throw forbidden(`signatures[${index}]: the signature does not verify against payloads[${index}].`);
    }
  });
  const keyIds = [...new Set(stamps.map((stamp) => keyOf.get(stamp.publicKey)!.id))];
  return {
    hashes,
    async commit(tx, now) {
      const { count } = await tx.signingKey.updateMany({
        where: { id: { in: keyIds }, userId, revokedAt: null },
        data: { lastUsedAt: now },
      });
      if (count !== keyIds.length)
        throw forbidden("A signing key was revoked while these stamps were checked.");
    },
  };
}

async function verifyWebAuthnStamps(
  prisma: Prisma,
  userId: string,
  signatures: unknown[],
  digests: Uint8Array[],
): Promise<VerifiedStamps> {
  const stamps: WebAuthnStamp[] = signatures.map((signature, index) => {
    const parsed = parseWebAuthnStamp(signature);
    if (!parsed.ok) throw badRequest(`signatures[${index}]: ${parsed.error}.`);
    return parsed.value;
  });
  const passkeys: PasskeyRow[] = await prisma.passkey.findMany({
    where: { id: { in: [...new Set(stamps.map((stamp) => stamp.credentialId))] }, userId },
    select: { id: true, userId: true, publicKey: true, counter: true, transports: true },
  });
  const passkeyOf = new Map(passkeys.map((passkey) => [passkey.id, passkey]));
  stamps.forEach((stamp, index) => {
    if (!passkeyOf.has(stamp.credentialId)) {
      throw forbidden(`signatures[${index}]: this passkey is not registered to this account.`);
    }
  });
  const hashes = stamps.map((stamp, index) => stampHash("web_authn", stamp.credentialId, digests[index]!));
  await assertUnused(prisma, hashes);

  const config = webAuthnConfig();
  const rpIdHash = new Uint8Array(sha256(config.rpId));
  // Counters carry from stamp to stamp: each assertion must be newer than the one before it.
  const counters = new Map(passkeys.map((passkey) => [passkey.id, passkey.counter]));
  for (const [index, stamp] of stamps.entries()) {
    const at = `signatures[${index}]`;
    const passkey = passkeyOf.get(stamp.credentialId)!;
    const counter = counters.get(passkey.id)!;
    const { clientData, authData } = stamp;
    if (clientData.type !== "webauthn.get") {
      throw forbidden(`${at}: is a ${clientData.type} response, not an assertion (webauthn.get).`);
    }
    if (!challengeMatchesDigest(clientData.challenge, digests[index]!)) {
      throw forbidden(
        `${at}: was signed for another payload (its challenge is not the SHA-256 of payloads[${index}]).`,
      );
    }
    if (!config.origins.includes(clientData.origin)) {
      throw forbidden(`${at}: was made on ${clientData.origin}, which is not an allowed origin.`);
    }
    if (!bytesEqual(authData.rpIdHash, rpIdHash)) {
      throw forbidden(`${at}: was made for another relying party (RP ID), not ${config.rpId}.`);
    }
    if (!authData.userPresent) throw forbidden(`${at}: the authenticator did not report user presence.`);
    if (!authData.userVerified) {
      throw forbidden(`${at}: the passkey did not verify the user (PIN or biometrics are required to sign).`);
    }
    const next = BigInt(authData.counter);
    if ((next > 0n || counter > 0n) && next <= counter) {
      throw forbidden(`${at}: replays a signature counter (${next}, last seen ${counter}).`);
    }
    let result;
    try {
      result = await verifyAuthenticationResponse({
        response: {
          id: passkey.id,
          rawId: passkey.id,
          type: "public-key",
          response: {
            clientDataJSON: stamp.clientDataJson,
            authenticatorData: stamp.authenticatorData,
            signature: stamp.signature,
          },
          clientExtensionResults: {},
        },
        expectedChallenge: (challenge) => challengeMatchesDigest(challenge, digests[index]!),
        expectedOrigin: config.origins,
        expectedRPID: config.rpId,
        credential: webAuthnCredentialOf(passkey, counter),
        requireUserVerification: true,
      });
    } catch (error) {
      throw forbidden(`${at}: ${(error as Error).message}.`);
    }
    if (!result.verified) {
      throw forbidden(`${at}: the signature does not verify against payloads[${index}].`);
    }
    counters.set(passkey.id, BigInt(result.authenticationInfo.newCounter));
  }

  return {
    hashes,
    async commit(tx, now) {
      for (const passkey of passkeys) {
        const advanced = await advancePasskeyCounter(tx, {
          id: passkey.id,
          userId,
          from: passkey.counter,
          to: counters.get(passkey.id)!,
          now,
        });
        if (advanced) continue;
        const exists = await tx.passkey.count({ where: { id: passkey.id, userId } });
        if (exists === 0) throw forbidden("A passkey was removed while these stamps were checked.");
        throw new AppError(
          "conflict",
          "The passkey was used by another request while these stamps were checked.",
        );
      }
    },
  };
}
