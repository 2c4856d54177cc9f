import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import {
  strategyByName,
  toOrderSpec,
  validateOrderRequest,
  type OrderRequest,
  type OrderRequestInput,
} from "@/lib/domain/orders/params";
import { initialStatus } from "@/lib/domain/orders/status";
import { algorithmFor } from "@/lib/domain/execution";
import { db, type Prisma, type PrismaClient } from "../../db";
import type { Account, Order } from "../../db/generated/client";
import { venue } from "../../venues";
import { publishOrders } from "../../events/publish-orders";
import type { PairSpec } from "@/lib/domain/market/types";

export type SubmitOrderInput = OrderRequestInput & { accounts?: unknown };

/** Slack on the balance check for price moves and impact between submit and execution. */
const BALANCE_SLACK = new Dec("1.02");

/**
 * Submit a parent order: validate it (ranges, exactly one quantity, strategy, condition), resolve the
 * caller's accounts by name, check the pair is listed and the accounts can pay for it, and store it —
 * `active` to start on the engine's next tick, or `scheduled` for a future start or a condition.
 */
export async function submitOrder(options: SubmitOrderOptions): Promise<Order> {
  const prisma = await db();
  const order = await prisma.order.create({ data: await prepareOrder(options) });
  await publishOrders(prisma, [order.id]);
  return order;
}

export interface SubmitOrderOptions {
  userId: string;
  input: SubmitOrderInput;
  now?: number;
  source?: string;
  /** A leg of a multi-order or a step of a chain (a later chain batch waits, scheduled). */
  link?: { parentOrderId?: string; chainId?: string; chainPriority?: number; waitForChain?: boolean };
  /** Funds on their way to the accounts (the Gateway's funding bridge): counted as available. */
  incoming?: { asset: string; amount: Dec };
}

/** How far an order's accounts fall short, from the `insufficient_balance` error prepareOrder throws. */
export function balanceShortfall(error: unknown): { asset: string; need: Dec; available: Dec } | null {
  if (!(error instanceof AppError) || error.details?.reason !== "insufficient_balance") return null;
  const { asset, need, available } = error.details as { asset: string; need: string; available: string };
  return { asset, need: new Dec(need), available: new Dec(available) };
}

/**
 * Everything `submitOrder` checks, without writing: the row to create. Multi-orders and chains
 * prepare every leg first, then create them all in one transaction (where only `tx` may be used).
 */
export async function prepareOrder({
  userId,
  input,
  now = Date.now(),
  source = "core",
  link,
  incoming,
}: SubmitOrderOptions): Promise<Prisma.OrderUncheckedCreateInput> {
  const validated = validateOrderRequest(input, { now });
  if (validated.errors.length > 0 || !validated.order) {
    const errors = validated.errors;
    throw new AppError("bad_request", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
      fieldErrors: errors,
    });
  }
  const request = validated.order;
  // The algorithm checks its own parameters too (a Limit without a price, an Iceberg without a clip).
  const draft = toOrderSpec(request, {
    id: "00000000-0000-0000-0000-000000000000",
    startTime: request.startTime ?? now,
  });
  const problems = algorithmFor(draft).validate(draft);
  if (problems.length > 0) throw new AppError("bad_request", problems.join("; "));
  const prisma = await db();
  const accounts = await resolveAccounts(prisma, userId, input.accounts);
  const venueName = accounts[0]!.venue;
  const market = venue(venueName);
  const spec = market.spec(request.pair.pair);
  if (!spec) {
    const listed = market
      .pairs()
      .map((p) => p.pair)
      .join(", ");
    throw new AppError(
      "bad_request",
      `Invalid pair ${request.pair.pair}: not listed on ${venueName} (listed: ${listed})`,
      {
        fieldErrors: [
          {
            field: "pair",
            message:
              unknownToken(market.pairs(), request) ?? `${request.pair.pair} is not listed on ${venueName}`,
          },
        ],
      },
    );
  }
  const book = market.book(spec.pair, now);
  assertAboveMinimum(request, spec, book.mid);
  // A later step of a chain may spend what earlier steps buy: the engine checks it when it trades.
  if (!link?.waitForChain)
    await assertAffordable(prisma, request, accounts, book.mid, new Dec(spec.takerFeeBps), incoming);

  const status = link?.waitForChain
    ? "scheduled"
    : initialStatus({ startTime: request.startTime, now, hasCondition: request.condition !== null });
  const startsNow = status === "active";
  return {
    userId,
    parentOrderId: link?.parentOrderId ?? null,
    chainId: link?.chainId ?? null,
    chainPriority: link?.chainPriority ?? null,
    accountIds: accounts.map((a) => a.id),
    venue: venueName,
    pair: request.pair.pair,
    baseAsset: spec.base,
    quoteAsset: spec.quote,
    marketType: request.pair.marketType,
    side: request.side,
    strategy: storedStrategy(request, input),
    qtyField: request.quantity.field,
    qtyValue: request.quantity.qty.toFixed(),
    targetQty: request.quantity.qty.toFixed(),
    targetUnit: request.quantity.unit,
    duration: request.durationSeconds,
    // The effective start: the requested one, or submission time (the engine waits until then).
    startAt: new Date(request.startTime ?? now),
    timeStart: startsNow ? new Date(now) : null,
    timeEnd:
      startsNow && request.durationSeconds !== null ? new Date(now + request.durationSeconds * 1000) : null,
    origTimeEnd:
      startsNow && request.durationSeconds !== null ? new Date(now + request.durationSeconds * 1000) : null,
    arrivalPrice: startsNow ? book.mid.toFixed() : null,
    limitPrice: request.limitPrice?.toFixed() ?? null,
    isReverseLimitPrice: request.isReverseLimitPrice,
    enginePassiveness: request.passiveness.toFixed(),
    scheduleDiscretion: request.discretion.toFixed(),
    alphaTilt: request.alphaTilt.toFixed(),
    povTarget: request.povTarget?.toFixed() ?? null,
    povLimit: request.povLimit?.toFixed() ?? null,
    maxOtc: request.maxOtc.toFixed(),
    strategyParams: strategyParamsJson(request),
    orderCondition: request.condition?.rpn ?? null,
    orderConditionVars: (request.condition?.vars ?? {}) as object,
    orderConditionExpiry: request.condition?.expiry ? new Date(request.condition.expiry) : null,
    customOrderId: request.customOrderId,
    notes: request.notes,
    status,
    messages: {
      create: {
        level: "INFO",
        message: `Order submitted via ${source}: ${request.side} ${request.quantity.qty.toFixed()} ${request.quantity.unit === "base" ? spec.base : spec.quote} ${spec.pair} with ${request.strategy}${status === "scheduled" ? " (scheduled)" : ""}.`,
        createdAt: new Date(now),
      },
    },
  };
}

/** The order's `accounts`: names of the caller's accounts (an unknown name is the documented 400). */
async function resolveAccounts(prisma: PrismaClient, userId: string, raw: unknown): Promise<Account[]> {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    throw new AppError("bad_request", "Missing required fields: ['accounts']", {
      fieldErrors: [{ field: "accounts", message: "is required" }],
    });
  }
  const names = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : null;
  if (!names || names.some((name) => typeof name !== "string" || !name.trim())) {
    throw new AppError("bad_request", "accounts: must be a list of account names", {
      fieldErrors: [{ field: "accounts", message: "must be a list of account names" }],
    });
  }
  const wanted = [...new Set((names as string[]).map((n) => n.trim()))];
  const found = await prisma.account.findMany({ where: { userId, name: { in: wanted } } });
  for (const name of wanted) {
    if (!found.some((a) => a.name === name)) {
      throw new AppError("bad_request", `Account display name '${name}' not found for user`, {
        fieldErrors: [{ field: "accounts", message: `'${name}' not found` }],
      });
    }
  }
  const venues = new Set(found.map((a) => a.venue));
  if (venues.size > 1) {
    throw new AppError("bad_request", "accounts: all accounts of one order must be on the same venue", {
      fieldErrors: [{ field: "accounts", message: "must be on the same venue" }],
    });
  }
  return wanted.map((name) => found.find((a) => a.name === name)!);
}

/**
 * Refuse an order its accounts cannot pay for (less what their resting children already commit):
 * the engine would only discover it part-way through.
 */
async function assertAffordable(
  prisma: PrismaClient,
  request: OrderRequest,
  accounts: Account[],
  mid: Dec,
  takerFeeBps: Dec,
  incoming?: { asset: string; amount: Dec },
) {
  const { side, quantity, pair } = request;
  const spendAsset = side === "buy" ? pair.quote : pair.base;
  const feeFactor = takerFeeBps.div(10_000).add(1);
  let need: Dec;
  if (side === "buy")
    need = (quantity.unit === "quote" ? quantity.qty : quantity.qty.mul(request.limitPrice ?? mid)).mul(
      feeFactor,
    );
  else need = quantity.unit === "base" ? quantity.qty : quantity.qty.div(request.limitPrice ?? mid);
  if (!(request.limitPrice && side === "buy" && quantity.unit === "base")) need = need.mul(BALANCE_SLACK);
  const ids = accounts.map((a) => a.id);
  const balances = await prisma.balance.findMany({ where: { accountId: { in: ids }, asset: spendAsset } });
  const resting = await prisma.placement.findMany({
    where: { accountId: { in: ids }, status: "open", side },
    select: { price: true, size: true, filled: true },
  });
  const locked = resting.reduce((sum, child) => {
    const rest = new Dec(child.size.toString()).sub(child.filled.toString());
    return sum.add(side === "buy" ? rest.mul(child.price?.toString() ?? 0) : rest);
  }, ZERO);
  const available = balances
    .reduce((sum, b) => sum.add(b.amount.toString()), ZERO)
    .sub(locked)
    .add(incoming?.asset === spendAsset ? incoming.amount : ZERO);
  if (available.lt(need)) {
    throw new AppError(
      "bad_request",
      `Insufficient balance for order execution: needs about ${need.toDecimalPlaces(8).toFixed()} ${spendAsset}, available ${Dec.max(available, 0).toDecimalPlaces(8).toFixed()} ${spendAsset}`,
      {
        details: {
          asset: spendAsset,
          reason: "insufficient_balance",
          need: need.toFixed(),
          available: Dec.max(available, 0).toFixed(),
        },
      },
    );
  }
}

/**
 * The strategy name stored: a POV order keeps the trajectory it was submitted with ("VWAP" with a
 * pov_target), as the Core Order API shows it; the engine works any order with pov_target as POV.
 */
function storedStrategy(request: OrderRequest, input: SubmitOrderInput): string {
  if (request.strategy !== "POV" || typeof input.strategy !== "string") return request.strategy;
  return strategyByName(input.strategy) ?? "POV";
}

/** The Core Order API's wording for a pair a venue does not list: the token it does not know. */
function unknownToken(pairs: readonly PairSpec[], request: OrderRequest): string | null {
  const known = new Set(pairs.flatMap((pair) => [pair.base, pair.quote]));
  if (!known.has(request.buyToken)) return `Invalid buy_token ${request.buyToken}`;
  if (!known.has(request.sellToken)) return `Invalid sell_token ${request.sellToken}`;
  return null;
}

function strategyParamsJson(request: OrderRequest): Record<string, string | boolean | null> {
  const p = request.params;
  return {
    passive_only: p.passiveOnly,
    active_limit: p.activeLimit,
    ool_pause: p.oolPause,
    strict_duration: p.strictDuration,
    reduce_only: p.reduceOnly,
    max_clip_size: p.maxClipSize?.toFixed() ?? null,
  };
}

/**
 * An order smaller than the venue's smallest order could never trade: refuse it up front, naming
 * the quantity field, rather than let it complete empty. (Quote-sized orders are valued at the mid.)
 */
function assertAboveMinimum(request: OrderRequest, spec: PairSpec, mid: Dec): void {
  const { quantity } = request;
  const base = quantity.unit === "base" ? quantity.qty : quantity.qty.div(mid);
  const notional = quantity.unit === "quote" ? quantity.qty : quantity.qty.mul(request.limitPrice ?? mid);
  if (base.gte(spec.minSize) && notional.gte(spec.minNotional)) return;
  const message = `order size is below the venue minimum for ${spec.pair} (min size ${spec.minSize} ${spec.base}, min notional ${spec.minNotional} ${spec.quote})`;
  throw new AppError("bad_request", `${quantity.field}: ${message}`, {
    fieldErrors: [{ field: quantity.field, message }],
  });
}
