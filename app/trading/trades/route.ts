import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZTradeFilter } from "@/lib/contracts/trading";
import { searchTradingTrades } from "@/lib/server/services/trading/search-trades";
import { serializeTradingPage, serializeTradingTrade } from "@/lib/server/surfaces/trading/serializers";

export const dynamic = "force-dynamic";

// POST /trading/trades — fills with filters, newest first, cursor-paginated
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["read"] }, body: ZTradeFilter },
  async ({ principal, body }) =>
    serializeTradingPage(
      await searchTradingTrades({ userId: principal.userId, filter: body }),
      serializeTradingTrade,
    ),
);
