import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createTestUser } from "../testing/api-client";
import { recordAudit } from "./record-audit";

describe("[AUDIT] the audit log", () => {
  it("is append-only: the database refuses to change or remove an entry", async () => {
    const { user, tokenId } = await createTestUser();
    const prisma = await db();
    await recordAudit(prisma, {
      action: "token.created",
      actor: { userId: user.id, via: "token", tokenId },
      targetId: tokenId,
      ip: "10.0.0.7",
    });
    const entry = await prisma.auditEvent.findFirstOrThrow({
      where: { subjectUserId: user.id, action: "token.created" },
    });
    expect(entry).toMatchObject({
      action: "token.created",
      actorVia: "token",
      targetId: tokenId,
      ip: "10.0.0.7",
    });
    await expect(
      prisma.auditEvent.update({ where: { id: entry.id }, data: { action: "sign_in" } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });
});
