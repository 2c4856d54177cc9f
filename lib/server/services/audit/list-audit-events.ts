import "server-only";
import type { TAuditAction, TAuditPage, TAuditQuery } from "@/lib/contracts/audit";
import { db } from "../../db";

/**
 * The audit log for admins, newest first: `limit` events older than `before`, optionally one
 * action or one user (as actor or as the account concerned). Emails are joined for display; an
 * entry whose user was deleted keeps its ids and shows no email.
 */
export async function listAuditEvents({ query }: { query: TAuditQuery }): Promise<TAuditPage> {
  const prisma = await db();
  const rows = await prisma.auditEvent.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.user_id ? { OR: [{ actorUserId: query.user_id }, { subjectUserId: query.user_id }] } : {}),
      ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const ids = [...new Set(page.flatMap((row) => [row.actorUserId, row.subjectUserId]).filter(Boolean))];
  const users = await prisma.user.findMany({
    where: { id: { in: ids as string[] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(users.map((user) => [user.id, user.email]));
  return {
    events: page.map((row) => ({
      id: row.id.toString(),
      created_at: row.createdAt.toISOString(),
      action: row.action as TAuditAction,
      actor_user_id: row.actorUserId,
      actor_email: row.actorUserId ? (emailOf.get(row.actorUserId) ?? null) : null,
      actor_via: row.actorVia,
      actor_token_id: row.actorTokenId,
      subject_user_id: row.subjectUserId,
      subject_email: row.subjectUserId ? (emailOf.get(row.subjectUserId) ?? null) : null,
      target_id: row.targetId,
      details: (row.details ?? {}) as Record<string, unknown>,
      ip: row.ip,
    })),
    next_before: rows.length > query.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
