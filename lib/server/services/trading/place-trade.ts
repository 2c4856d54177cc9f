import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/shared/errors";
import { Dec } from "@/lib/domain/shared/decimal";
import { roundPrice, roundSize } from "@/lib/domain/market/sim-exchange";
import type { TTradeRequest } from "@/lib/contracts/trading";
import { venue } from "../../venues";
import { submitOrder } from "../orders/submit-order";
import { resolveConnector } from "./resolve-connector";

/** A LIMIT order rests until filled or canceled: worked as a Limit order over a year (GTC). */
const GTC_SECONDS = 365 * 24 * 3600;
/** A MARKET order takes the book at once; the window only bounds a book that runs dry. */
const MARKET_SECONDS = 60;

/** A client order id in hummingbot's spirit: side, pair, microsecond time, a random tail. */
function newClientOrderId(side: "BUY" | "SELL", pair: string, now: number): string {
  return `${side === "BUY" ? "buy" : "sell"}-${pair}-${now}${randomBytes(3).toString("hex")}`;
}

/**
 * Place a trade as hummingbot-api does, with its checks in its order: unknown account → 404,
 * LIMIT/LIMIT_MAKER without price → 400, unsupported pair → 400 with some available pairs, amount
 * and price quantized to the venue's rules, then below minimum size or notional → 400. A
 * LIMIT_MAKER is post-only: refused if its price would take liquidity. The trade becomes an order
 * like any other (Core Order API and dashboard show it), keyed by its client order id.
 */
export async function placeTrade({
  userId,
  request,
  now = Date.now(),
}: {
  userId: string;
  request: TTradeRequest;
  now?: number;
}) {
  const { account } = await resolveConnector(userId, request.account_name, request.connector_name);
  const limitLike = request.order_type === "LIMIT" || request.order_type === "LIMIT_MAKER";
  if (limitLike && (request.price === null || request.price === undefined)) {
    throw new AppError("bad_request", "Price is required for LIMIT and LIMIT_MAKER orders");
  }
  const market = venue(account.venue);
  const spec = market.spec(request.trading_pair);
  if (!spec) {
    const available = market
      .pairs()
      .map((p) => `'${p.pair}'`)
      .slice(0, 10);
    throw new AppError(
      "bad_request",
      `Trading pair '${request.trading_pair}' not supported on ${request.connector_name}. Available pairs: [${available.join(", ")}]`,
    );
  }
  const amount = roundSize(spec, new Dec(request.amount));
  if (amount.lt(spec.minSize)) {
    throw new AppError(
      "bad_request",
      `Order amount ${amount.toFixed()} is below minimum order size ${spec.minSize} for ${spec.pair}`,
    );
  }
  const book = market.book(spec.pair, now);
  const price = limitLike ? roundPrice(spec, new Dec(request.price!), "down") : null;
  const notional = amount.mul(price ?? book.mid);
  if (notional.lt(spec.minNotional)) {
    throw new AppError(
      "bad_request",
      `Order notional value ${notional.toFixed()} is below minimum notional size ${spec.minNotional} for ${spec.pair}. Increase the amount or price to meet the minimum requirement.`,
    );
  }
  if (request.order_type === "LIMIT_MAKER" && price) {
    const takes = request.trade_type === "BUY" ? price.gte(book.ask) : price.lte(book.bid);
    if (takes) {
      throw new AppError(
        "bad_request",
        `LIMIT_MAKER order would take liquidity: ${request.trade_type} at ${price.toFixed()} crosses the ${request.trade_type === "BUY" ? `best ask ${book.ask.toFixed()}` : `best bid ${book.bid.toFixed()}`}`,
      );
    }
  }
  const clientOrderId = newClientOrderId(request.trade_type, spec.pair, now);
  await submitOrder({
    userId,
    now,
    source: "trading",
    input: {
      pair: spec.pair,
      side: request.trade_type === "BUY" ? "buy" : "sell",
      strategy: limitLike ? "Limit" : "Market",
      base_asset_qty: amount.toFixed(),
      duration: limitLike ? GTC_SECONDS : MARKET_SECONDS,
      limit_price: price?.toFixed(),
      accounts: [account.name],
      custom_order_id: clientOrderId,
      strategy_params: request.order_type === "LIMIT_MAKER" ? { passive_only: true } : undefined,
    },
  });
  return {
    order_id: clientOrderId,
    account_name: account.name,
    connector_name: account.venue,
    trading_pair: spec.pair,
    trade_type: request.trade_type,
    amount: amount.toFixed(),
    order_type: request.order_type,
    price: price?.toFixed() ?? (request.price ? new Dec(request.price).toFixed() : null),
    status: "submitted",
  };
}
