import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TCreateTokenRequest, TCreatedToken } from "@/lib/contracts/tokens";
import { db } from "../../db";
import type { Principal } from "../../auth/authenticate";
import { scopesForRole } from "../../auth/scopes";
import { generateTokenValue, hashTokenValue, tokenDisplayPrefix } from "../../auth/token-secret";
import { recordAudit } from "../../audit/record-audit";
import { serializeCreatedToken } from "../../surfaces/app/serializers";

/**
 * Mint an API token; the value is returned once and only its hash is kept. A caller can never mint
 * more than it holds: the new token's scopes must be within the caller's own and the owner's role.
 * Minting for another user needs the admin scope. A token minted by a token is its child: it
 * expires no later than its parent (a later `expires_at` is cut to the parent's) and is revoked with
 * it. The audit log records each one.
 */
export async function createToken({
  principal,
  request,
  httpRequest,
}: {
  principal: Principal;
  request: TCreateTokenRequest;
  httpRequest?: Request;
}): Promise<TCreatedToken> {
  const prisma = await db();
  const ownerId = request.user_id ?? principal.userId;
  if (ownerId !== principal.userId && !principal.scopes.includes("admin")) {
    throw new AppError("forbidden", "Only an admin can create a token for another user.");
  }
  const owner = await prisma.user.findUnique({ where: { id: ownerId } });
  if (!owner || owner.disabledAt) throw new AppError("not_found", "User not found.");
  const beyondCaller = request.scopes.filter((scope) => !principal.scopes.includes(scope));
  if (beyondCaller.length > 0) {
    throw new AppError("forbidden", `You cannot grant scopes you do not hold: ${beyondCaller.join(", ")}.`);
  }
  const beyondRole = request.scopes.filter((scope) => !scopesForRole(owner.role).includes(scope));
  if (beyondRole.length > 0) {
    throw new AppError("bad_request", `scopes: a ${owner.role} cannot hold ${beyondRole.join(", ")}.`, {
      fieldErrors: [{ field: "scopes", message: `a ${owner.role} cannot hold ${beyondRole.join(", ")}` }],
    });
  }
  let expiresAt = request.expires_at ? new Date(request.expires_at) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError("bad_request", "expires_at: must be in the future.", {
      fieldErrors: [{ field: "expires_at", message: "must be in the future" }],
    });
  }
  const parent = principal.tokenId
    ? await prisma.apiToken.findUnique({ where: { id: principal.tokenId } })
    : null;
  if (parent?.expiresAt && (!expiresAt || expiresAt > parent.expiresAt)) expiresAt = parent.expiresAt;
  const value = generateTokenValue();
  const row = await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        userId: owner.id,
        label: request.label,
        tokenHash: hashTokenValue(value),
        prefix: tokenDisplayPrefix(value),
        scopes: request.scopes,
        expiresAt,
        parentId: parent?.id ?? null,
      },
    });
    await recordAudit(tx, {
      action: "token.created",
      actor: principal,
      subjectUserId: owner.id,
      targetId: token.id,
      details: { label: token.label, scopes: token.scopes, expires_at: expiresAt?.toISOString() ?? null },
      request: httpRequest,
    });
    return token;
  });
  return serializeCreatedToken(row, value);
}
