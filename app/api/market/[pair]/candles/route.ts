import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZCandlesQuery, ZMarketPairParams } from "@/lib/contracts/market";
import { getCandles } from "@/lib/server/services/market/get-candles";

export const dynamic = "force-dynamic";

// GET /api/market/{pair}/candles?from&to&interval — OHLCV bars from the venue's trade tape
export const GET = handler(
  { dialect: coreDialect, auth: { scopes: ["read"] }, params: ZMarketPairParams, query: ZCandlesQuery },
  ({ params, query }) =>
    getCandles({ pair: params.pair, from: query.from, to: query.to, interval: query.interval }),
);
