import "server-only";
import type { TPasskeyList } from "@/lib/contracts/passkeys";
import { db } from "../../db";
import { serializePasskey } from "../../surfaces/app/passkeys";

/** The caller's passkeys, oldest first. */
export async function listPasskeys({ userId }: { userId: string }): Promise<TPasskeyList> {
  const prisma = await db();
  const rows = await prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return { passkeys: rows.map(serializePasskey) };
}
