import "server-only";
import type { TAuditAction } from "@/lib/contracts/audit";
import type { Principal } from "../auth/authenticate";
import { clientIp } from "../http/client-ip";
import type { Tx } from "../db";

export interface AuditEntry {
  action: TAuditAction;
  /** Who acted; null for the system or an anonymous request (a failed sign-in). */
  actor: Pick<Principal, "userId" | "via" | "tokenId"> | null;
  /** The account concerned; defaults to the actor's own. */
  subjectUserId?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
  /** The request, for the client's IP (or the IP itself). */
  request?: Request;
  ip?: string;
}

/**
 * Append one entry to the audit log. Pass the transaction that makes the change, so the change and
 * its record are written together or not at all (the table refuses updates and deletes).
 */
export async function recordAudit(prisma: Pick<Tx, "auditEvent">, entry: AuditEntry): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      action: entry.action,
      actorUserId: entry.actor?.userId ?? null,
      actorVia: entry.actor?.via ?? null,
      actorTokenId: entry.actor?.tokenId ?? null,
      subjectUserId: entry.subjectUserId === undefined ? (entry.actor?.userId ?? null) : entry.subjectUserId,
      targetId: entry.targetId ?? null,
      details: (entry.details ?? {}) as object,
      ip: entry.ip ?? (entry.request ? clientIp(entry.request.headers) : null),
    },
  });
}
