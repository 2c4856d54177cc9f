import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZExportFillsQuery } from "@/lib/contracts/fills";
import { exportFillsCsv } from "@/lib/server/services/fills/export-fills-csv";

export const dynamic = "force-dynamic";

// GET /api/fills/export.csv — the same fills and filters as GET /api/fills/, all of them, as CSV
export const GET = handler(
  { dialect: coreDialect, auth: { scopes: ["read"] }, query: ZExportFillsQuery },
  ({ principal, query }) => exportFillsCsv({ userId: principal.userId, query }),
);
