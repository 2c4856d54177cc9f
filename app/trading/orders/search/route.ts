import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZOrderFilter } from "@/lib/contracts/trading";
import { searchTradingOrders } from "@/lib/server/services/trading/search-orders";

export const dynamic = "force-dynamic";

// POST /trading/orders/search — order history with filters, newest first, cursor-paginated
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["read"] }, body: ZOrderFilter },
  ({ principal, body }) =>
    searchTradingOrders({ userId: principal.userId, filter: body, route: "/trading/orders/search" }),
);
