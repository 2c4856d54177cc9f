import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZActiveOrderFilter } from "@/lib/contracts/trading";
import { searchTradingOrders } from "@/lib/server/services/trading/search-orders";
import { serializeTradingOrder, serializeTradingPage } from "@/lib/server/surfaces/trading/serializers";

export const dynamic = "force-dynamic";

// POST /trading/orders/active — the caller's working orders, paginated
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["read"] }, body: ZActiveOrderFilter },
  async ({ principal, body }) =>
    serializeTradingPage(
      await searchTradingOrders({ userId: principal.userId, filter: body, activeOnly: true }),
      serializeTradingOrder,
    ),
);
