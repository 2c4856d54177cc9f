import { handler } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZTradeFilter } from "@/lib/contracts/trading";
import { searchTradingTrades } from "@/lib/server/services/trading/search-trades";

export const dynamic = "force-dynamic";

// POST /trading/trades — fills with filters, newest first, cursor-paginated
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["read"] }, body: ZTradeFilter },
  ({ principal, body }) => searchTradingTrades({ userId: principal.userId, filter: body }),
);
