import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/shared/errors";
import { Dec } from "@/lib/domain/shared/decimal";
import { roundPrice, roundSize } from "@/lib/domain/market/sim-exchange";
import type { TTradeRequest } from "@/lib/contracts/trading";
import { venue } from "../../venues";
import { assertTransition, type CanonicalStatus } from "@/lib/domain/orders/status";
import { db } from "../../db";
import { publishOrders } from "../../events/publish-orders";
import { prepareOrder, submitOrder, type SubmitOrderOptions } from "../orders/submit-order";
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
 * Place a trade as hummingbot-api does (services/accounts_service.py place_trade), with its checks
 * in its order: unknown account → 404, LIMIT/LIMIT_MAKER without price → 400, unsupported pair →
 * 400 with some available pairs, amount and price quantized to the venue's rules, then below
 * minimum size or notional → 400. The trade becomes an order like any other (Core Order API and
 * dashboard show it), keyed by its client order id. A LIMIT_MAKER is post-only: one whose price
 * would take is placed and rejected by the exchange, as a real connector's is — stored FAILED with
 * the reason, which the order rows show in `error_message`. The answer echoes the request, as
 * routers/trading.py's TradeResponse does (the order rows show the quantized figures).
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
  if (limitLike && request.price === null) {
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
  const clientOrderId = newClientOrderId(request.trade_type, spec.pair, now);
  const options = {
    userId,
    now,
    source: "trading",
    input: {
      pair: spec.pair,
      side: request.trade_type === "BUY" ? ("buy" as const) : ("sell" as const),
      strategy: limitLike ? "Limit" : "Market",
      base_asset_qty: amount.toFixed(),
      duration: limitLike ? GTC_SECONDS : MARKET_SECONDS,
      limit_price: price?.toFixed(),
      accounts: [account.name],
      custom_order_id: clientOrderId,
      strategy_params: request.order_type === "LIMIT_MAKER" ? { passive_only: true } : undefined,
    },
  };
  const takes =
    request.order_type === "LIMIT_MAKER" &&
    price !== null &&
    (request.trade_type === "BUY" ? price.gte(book.ask) : price.lte(book.bid));
  if (takes) {
    const touch =
      request.trade_type === "BUY" ? `best ask ${book.ask.toFixed()}` : `best bid ${book.bid.toFixed()}`;
    await placeRejected(
      options,
      `LIMIT_MAKER order would take liquidity: ${request.trade_type} at ${price.toFixed()} crosses the ${touch}; the post-only order was rejected.`,
    );
  } else {
    await submitOrder(options);
  }
  return {
    order_id: clientOrderId,
    account_name: request.account_name,
    connector_name: request.connector_name,
    trading_pair: request.trading_pair,
    trade_type: request.trade_type,
    amount: request.amount,
    order_type: request.order_type,
    price: request.price,
    status: "submitted",
  };
}

/** An order the exchange refused on arrival: stored as placed, and failed with the reason at once. */
async function placeRejected(options: SubmitOrderOptions, reason: string): Promise<void> {
  const data = await prepareOrder(options);
  assertTransition(data.status as CanonicalStatus, "failed");
  const at = new Date(options.now ?? Date.now());
  const prisma = await db();
  const order = await prisma.order.create({
    data: {
      ...data,
      status: "failed",
      failureReason: reason,
      completedAt: at,
      messages: {
        create: [
          ...[data.messages?.create ?? []].flat(),
          { level: "ERROR", message: `Rejected by the venue: ${reason}`, createdAt: at },
        ],
      },
    },
  });
  await publishOrders(prisma, [order.id]);
}
