import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { listOrderBenchmarks } from "@/lib/server/services/market/list-order-benchmarks";

export const dynamic = "force-dynamic";

// GET /api/market/order_benchmarks — arrival mid and interval VWAP of the caller's unfinished orders
export const GET = handler({ dialect: coreDialect, auth: { scopes: ["read"] } }, ({ principal }) =>
  listOrderBenchmarks({ userId: principal.userId }),
);
