import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZOrderFilter } from "@/lib/contracts/trading";
import { searchTradingOrders } from "@/lib/server/services/trading/search-orders";
import { serializeTradingOrder, serializeTradingPage } from "@/lib/server/surfaces/trading/serializers";

export const dynamic = "force-dynamic";

// POST /trading/orders/search — order history with filters, newest first, cursor-paginated
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["read"] }, body: ZOrderFilter },
  async ({ principal, body }) =>
    serializeTradingPage(
      await searchTradingOrders({ userId: principal.userId, filter: body }),
      serializeTradingOrder,
    ),
);
