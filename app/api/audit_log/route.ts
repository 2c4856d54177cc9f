import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZAuditQuery } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/lib/server/services/audit/list-audit-events";

export const dynamic = "force-dynamic";

// GET /api/audit_log/ — the audit log, newest first, paged by `before` (admin)
export const GET = handler(
  { dialect: coreDialect, auth: { scopes: ["admin"] }, query: ZAuditQuery },
  ({ query }) => listAuditEvents({ query }),
);
