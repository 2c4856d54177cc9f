import "server-only";
import { db } from "../../db";
import { recordAudit, type AuditEntry } from "../../audit/record-audit";

/**
 * Record an action that is not one row's change (a cancel-all, a faucet mint) once it is done.
 * Changes made in one transaction record their entry in it instead (`recordAudit(tx, …)`).
 */
export async function auditAction(entry: AuditEntry): Promise<void> {
  await recordAudit(await db(), entry);
}
