import "server-only";
import { db } from "../../db";
import { serializeToken } from "../../surfaces/app/serializers";
import type { TTokenList } from "@/lib/contracts/tokens";

/** The caller's own tokens, newest first, revoked ones included (marked). */
export async function listTokens({ userId }: { userId: string }): Promise<TTokenList> {
  const prisma = await db();
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return { tokens: rows.map(serializeToken) };
}
