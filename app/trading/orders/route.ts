import { handler, json } from "@/lib/server/http/handler";
import { tradingDialect } from "@/lib/server/surfaces/trading/errors";
import { ZTradeRequest } from "@/lib/contracts/trading";
import { placeTrade } from "@/lib/server/services/trading/place-trade";

export const dynamic = "force-dynamic";

// POST /trading/orders — place a trade (hummingbot-api): 201 with the client order id
export const POST = handler(
  { dialect: tradingDialect, auth: { scopes: ["trade"] }, body: ZTradeRequest },
  async ({ principal, body }) => json(await placeTrade({ userId: principal.userId, request: body }), 201),
);
