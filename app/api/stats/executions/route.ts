import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZExecutionStatsQuery } from "@/lib/contracts/stats";
import { getExecutionStats } from "@/lib/server/services/stats/get-execution-stats";

export const dynamic = "force-dynamic";

// GET /api/stats/executions — slippage vs arrival and interval VWAP of completed orders, grouped
export const GET = handler(
  { dialect: coreDialect, auth: { scopes: ["read"] }, query: ZExecutionStatsQuery },
  ({ principal, query }) => getExecutionStats({ userId: principal.userId, query }),
);
