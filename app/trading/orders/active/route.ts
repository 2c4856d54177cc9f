import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZActiveOrderFilter } from "@/lib/contracts/trading";
import { searchTradingOrders } from "@/lib/server/services/trading/search-orders";

export const dynamic = "force-dynamic";

// POST /trading/orders/active — the caller's working orders, paginated
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["read"] }, body: ZActiveOrderFilter },
  ({ principal, body }) =>
    searchTradingOrders({
      userId: principal.userId,
      filter: body,
      activeOnly: true,
      route: "/trading/orders/active",
    }),
);
