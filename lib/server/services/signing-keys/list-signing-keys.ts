import "server-only";
import type { TSigningKeyList } from "@/lib/contracts/signing-keys";
import { db } from "../../db";
import { serializeSigningKey } from "../../surfaces/app/passkeys";

/** The caller's signing keys, newest first, revoked ones included (marked). */
export async function listSigningKeys({ userId }: { userId: string }): Promise<TSigningKeyList> {
  const prisma = await db();
  const rows = await prisma.signingKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return { signing_keys: rows.map(serializeSigningKey) };
}
