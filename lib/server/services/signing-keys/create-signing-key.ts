import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TCreateSigningKeyRequest, TCreatedSigningKey } from "@/lib/contracts/signing-keys";
import { db, Prisma } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { requireStepUp } from "../../auth/step-up";
import { recordAudit } from "../../audit/record-audit";
import { serializeCreatedSigningKey } from "../../surfaces/app/passkeys";

/**
 * Register a P-256 public key (compressed hex, already checked on the curve by the request schema)
 * for `api_key` stamps. A key can execute DeFi orders, so registering one's own needs a fresh
 * step-up (a passkey assertion, or the password for a user without a passkey): a stolen token or
 * session cookie alone cannot plant a key. An `admin`-scope caller may provision a key for a user
 * (`user_id`) without it; both are written to the audit log with the key. A key is registered once
 * across all users, and a revoked key stays retired: registering it again is a 409. A user whose
 * `api_key` stamps an admin turned off cannot register one (403).
 */
export async function createSigningKey({
  principal,
  request,
  httpRequest,
}: {
  principal: Principal;
  request: TCreateSigningKeyRequest;
  httpRequest?: Request;
}): Promise<TCreatedSigningKey> {
  const prisma = await db();
  const admin = principal.scopes.includes("admin");
  if (request.user_id !== undefined && request.user_id !== principal.userId && !admin) {
    throw new AppError("forbidden", "Only an admin may register a signing key for another user.");
  }
  // An admin names the user (themselves included) to provision without a step-up, as an audited act.
  const provisioning = request.user_id !== undefined && admin;
  const userId = request.user_id ?? principal.userId;
  const owner = await prisma.user.findUnique({ where: { id: userId } });
  if (!owner) throw new AppError("not_found", "User not found.");
  if (!owner.apiKeyStampsAllowed) {
    throw new AppError("forbidden", "API-key stamps are turned off for this account by an administrator.");
  }
  if (!provisioning) {
    await requireStepUp({ principal, proof: request.step_up, request: httpRequest });
  }
  try {
    const row = await prisma.$transaction(async (tx) => {
      const key = await tx.signingKey.create({
        data: { userId, publicKey: request.public_key, label: request.label },
      });
      await recordAudit(tx, {
        action: provisioning ? "signing_key.provisioned" : "signing_key.created",
        actor: principal,
        subjectUserId: userId,
        targetId: key.id,
        details: { public_key: key.publicKey, label: key.label },
        request: httpRequest,
      });
      return key;
    });
    return serializeCreatedSigningKey(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "This public key is already registered.");
    }
    throw error;
  }
}
