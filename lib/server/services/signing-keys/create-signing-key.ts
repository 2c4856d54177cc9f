import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { TCreateSigningKeyRequest, TCreatedSigningKey } from "@/lib/contracts/signing-keys";
import { db, Prisma } from "../../db";
import { serializeCreatedSigningKey } from "../../surfaces/app/passkeys";

/**
 * Register a P-256 public key (compressed hex, already checked on the curve by the request schema)
 * for `api_key` stamps. A key is registered once across all users, and a revoked key stays retired:
 * registering it again is a 409 (generate a new key instead).
 */
export async function createSigningKey({
  userId,
  request,
}: {
  userId: string;
  request: TCreateSigningKeyRequest;
}): Promise<TCreatedSigningKey> {
  const prisma = await db();
  try {
    const row = await prisma.signingKey.create({
      data: { userId, publicKey: request.public_key, label: request.label },
    });
    return serializeCreatedSigningKey(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "This public key is already registered.");
    }
    throw error;
  }
}
