import { createHash } from "node:crypto";
import { ZERO } from "@/lib/domain/shared/decimal";
import { executionStats } from "@/lib/domain/analytics/stats";
import { conditionToInfix, conditionVarsToInfix, type ConditionVars } from "@/lib/domain/orders/condition";
import {
  orderTokens,
  pctFilled,
  remainingQty,
  tokenAmounts,
  tryParsePair,
} from "@/lib/domain/orders/quantity";
import type { Side } from "@/lib/domain/shared/side";
import type {
  TCoreActiveOrder,
  TCoreFill,
  TCoreOrder,
  TCoreOrderDetail,
  TCoreOrderMessage,
  TCoreOrderPage,
  TCoreOrderSummary,
  TCoreOrderWithStats,
  TCorePlacement,
  TCoreSubmittedOrder,
} from "@/lib/contracts/core/orders";
import type { TCoreAccountList, TCoreBalances } from "@/lib/contracts/core/accounts";
import { CORE_STRATEGY_IDS } from "@/lib/contracts/core/strategies";
import type { StrategyName } from "@/lib/domain/orders/types";
import type { Account, Fill, Order, OrderMessage } from "../../db/generated/client";
import type { OrderBundle, PlacementWithFills } from "../../services/orders/order-bundles";
import type { OrderPage } from "../../services/orders/list-orders";
import type { AccountBalances } from "../../services/accounts/get-balances";
import { coreStatus, isCoreActive } from "./status";
import { decNumber, decText, iso, ratio, toDec } from "./values";

/**
 * The Core Order API's answers, built from an order bundle and nothing else: every field named
 * here is documented for its endpoint, so no database column leaks. Numbers vs strings follow each
 * endpoint's documentation (see values.ts for how exactness is kept).
 */

/** Market, Limit, IOC and Iceberg are the docs' "simple orders" (one slice at a time, no schedule). */
const SIMPLE = new Set(["Market", "Limit", "IOC", "Iceberg"]);

/** What every answer computes from an order row: quantities in Dec, times planned or actual. */
function figuresOf(order: Order) {
  const parsed = tryParsePair(order.pair);
  const side = order.side as Side;
  const tokens = parsed ? orderTokens(parsed, side) : sideTokens(order, side);
  const unit = order.targetUnit === "quote" ? "quote" : "base";
  const target = toDec(order.targetQty);
  const executedBase = toDec(order.executedBase);
  const executedQuote = toDec(order.executedQuote);
  const executed = unit === "base" ? executedBase : executedQuote;
  const averagePrice = ratio(executedBase.isZero() ? null : executedQuote.div(executedBase));
  const totalFee = toDec(order.totalFee);
  const feeInBase =
    order.feeAsset === null || totalFee.isZero()
      ? totalFee.isZero()
        ? ZERO
        : null
      : order.feeAsset === order.baseAsset
        ? totalFee
        : order.feeAsset === order.quoteAsset && averagePrice
          ? ratio(totalFee.div(averagePrice))
          : null;
  // A scheduled order shows when it is planned to run, as the docs' 201 example does.
  const timeStart = order.timeStart ?? order.startAt ?? order.createdAt;
  const timeEnd =
    order.timeEnd ?? (order.duration === null ? null : new Date(timeStart.getTime() + order.duration * 1000));
  const intervalVolume = toDec(order.intervalVolume);
  const amounts = tokenAmounts(side, unit, target);
  return {
    ...tokens,
    side,
    unit,
    target,
    targetToken: (unit === "base") === (side === "buy") ? tokens.buyToken : tokens.sellToken,
    executedBase,
    executedQuote,
    executed,
    executedBuy: side === "buy" ? executedBase : executedQuote,
    remaining: remainingQty(target, executed),
    pct: pctFilled(target, executed),
    averagePrice,
    totalFee,
    feeInBase,
    status: coreStatus(order.status),
    active: isCoreActive(order.status),
    isSimple: SIMPLE.has(order.strategy),
    timeStart,
    timeEnd,
    origTimeEnd: order.origTimeEnd ?? timeEnd,
    intervalVolume: intervalVolume.isZero() ? null : intervalVolume,
    vwap: ratio(intervalVolume.isZero() ? null : toDec(order.intervalNotional).div(intervalVolume)),
    buyTokenAmount: amounts.buyTokenAmount,
    sellTokenAmount: amounts.sellTokenAmount,
    limitPrice: order.limitPrice === null ? "" : decText(order.limitPrice),
    strategyParams: strategyParamsOf(order.strategyParams),
    povPercent: order.povTarget === null ? null : toDec(order.povTarget).mul(100),
  };
}

function sideTokens(order: Order, side: Side) {
  return side === "buy"
    ? { buyToken: order.baseAsset, sellToken: order.quoteAsset }
    : { buyToken: order.quoteAsset, sellToken: order.baseAsset };
}

function strategyParamsOf(json: unknown): Record<string, unknown> {
  return json && typeof json === "object" && !Array.isArray(json)
    ? { ...(json as Record<string, unknown>) }
    : {};
}

const names = (bundle: OrderBundle) => bundle.accounts.map((account) => account.name);
const venues = (bundle: OrderBundle) => [...new Set(bundle.accounts.map((account) => account.venue))];

function conditionInfix(order: Order): { normal: string; vars: Record<string, string> } {
  if (!order.orderCondition) return { normal: "", vars: {} };
  const vars = (order.orderConditionVars ?? {}) as ConditionVars;
  try {
    return { normal: conditionToInfix(order.orderCondition, vars), vars: conditionVarsToInfix(vars) };
  } catch {
    // A stored condition always parsed once; should the grammar change, show it as stored.
    return { normal: order.orderCondition, vars: {} };
  }
}

// --- GET /api/orders/ and what extends it ------------------------------------------------------

/** An order as GET /api/orders/ lists it. */
export function coreOrder(bundle: OrderBundle): TCoreOrder {
  const { order } = bundle;
  const f = figuresOf(order);
  return {
    id: order.id,
    custom_order_id: order.customOrderId,
    parent_order_id: order.parentOrderId,
    batch_order_id: null,
    batch_order_strategy: null,
    notes: order.notes,
    pair: order.pair,
    side: f.side,
    exchanges: venues(bundle),
    buy_token: f.buyToken,
    buy_token_amount: decNumber(f.buyTokenAmount),
    sell_token: f.sellToken,
    sell_token_amount: decNumber(f.sellTokenAmount),
    executed_qty: decNumber(f.executed),
    executed_buy_qty: decNumber(f.executedBuy),
    average_executed_price: decText(f.averagePrice),
    executed_notional: decNumber(f.executedQuote),
    target_order_qty: decNumber(f.target),
    target_remaining_qty: decNumber(f.remaining),
    target_token: f.targetToken,
    target_executed_qty: decNumber(f.executed),
    pct_filled: f.pct.toFixed(2),
    total_fee: decNumber(f.totalFee),
    fee_asset: order.feeAsset,
    total_fee_in_base: decNumber(f.feeInBase),
    strategy: order.strategy,
    super_strategy: order.superStrategy,
    duration: order.duration,
    accounts: bundle.accounts.map((account) => account.id),
    account_names: names(bundle),
    engine_passiveness: decNumber(order.enginePassiveness),
    schedule_discretion: decNumber(order.scheduleDiscretion),
    pov_limit: decNumber(order.povLimit),
    pov_target: decNumber(order.povTarget),
    alpha_tilt: decNumber(order.alphaTilt),
    strategy_params: f.strategyParams,
    user: order.userId,
    status: f.status,
    active: f.active,
    is_simple: f.isSimple,
    failure_reason: order.failureReason,
    limit_price: f.limitPrice,
    is_reverse_limit_price: order.isReverseLimitPrice,
    time_start: iso(f.timeStart),
    time_end: iso(f.timeEnd),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
  };
}

/** GET /api/orders/ */
export function coreOrderPage(page: OrderPage): TCoreOrderPage {
  return {
    orders: page.bundles.map(coreOrder),
    page_number: page.page,
    page_size: page.pageSize,
    num_pages: page.numPages,
    order_count: page.count,
  };
}

const PLACEMENT_STATUS = {
  open: "ACTIVE",
  filled: "COMPLETE",
  canceled: "CANCELED",
  rejected: "FAILED",
} as const;

function corePlacement(placement: PlacementWithFills, isSimple: boolean): TCorePlacement {
  const size = toDec(placement.size);
  const filled = toDec(placement.filled);
  return {
    id: placement.id,
    created_at: placement.createdAt.toISOString(),
    order: placement.orderId,
    placement_type: placement.placementType,
    price: decText(placement.price),
    qty: decText(size),
    executed_qty: decText(filled),
    exchange: placement.venue,
    fills: placement.fills.map((fill) => ({
      id: fill.id,
      created_at: fill.createdAt.toISOString(),
      fill_time: fill.time.toISOString(),
      role: fill.role,
      external_id: fill.externalId,
      executed_price: decNumber(fill.price),
      executed_qty: decNumber(fill.size),
      executed_notional: decNumber(fill.notional),
      exchange: fill.venue,
      fee: decNumber(fill.fee),
      fee_asset: fill.feeAsset,
    })),
    passiveness: null,
    filled: filled.gte(size),
    external_id: placement.externalId,
    status: PLACEMENT_STATUS[placement.status],
    sub_status: placement.subStatus,
    is_cross: false,
    is_simple: isSimple,
    contract_value: "1",
  };
}

/** A fill as the order detail (roles MAKE/TAKE) or orders_with_stats (maker/taker) list it. */
function coreFill(fill: Fill, roles: "upper" | "lower"): TCoreFill {
  return {
    placement_id: fill.placementId,
    exchange: fill.venue,
    role: roles === "upper" ? fill.role : fill.role === "MAKE" ? "maker" : "taker",
    executed_price: decText(fill.price),
    executed_qty: decText(fill.size),
    executed_notional: decText(fill.notional),
    fee: decText(fill.fee),
    fee_asset: fill.feeAsset,
    fill_time: fill.time.toISOString(),
  };
}

export function coreMessage(message: OrderMessage): TCoreOrderMessage {
  return {
    message: message.message,
    message_type: message.level,
    created_at: message.createdAt.toISOString(),
  };
}

/** GET /api/order/{id}: the listed order, plus placements with their fills, the log, and the fills. */
export function coreOrderDetail(bundle: OrderBundle, options: { includeFills: boolean }): TCoreOrderDetail {
  const { order } = bundle;
  const f = figuresOf(order);
  const live = bundle.placements
    .filter((placement) => placement.status === "open")
    .reduce((sum, placement) => sum.add(toDec(placement.size).sub(toDec(placement.filled))), ZERO);
  return {
    ...coreOrder(bundle),
    super_strategy_name: order.superStrategy,
    trajectory: order.strategy,
    start_datetime: iso(f.timeStart),
    orig_time_end: iso(f.origTimeEnd),
    executed_price: decNumber(f.averagePrice),
    remaining_qty: decNumber(f.remaining),
    exchange_names: venues(bundle),
    participation_rate_target_percent: decNumber(f.povPercent),
    market_type: order.marketType,
    placement_live_qty: decNumber(live),
    updated_leverage: null,
    pos_side: null,
    order_condition: order.orderCondition,
    order_condition_normal: conditionInfix(order).normal,
    order_condition_expiry: iso(order.orderConditionExpiry),
    paused_at: iso(order.pausedAt),
    resumed_at: iso(order.resumedAt),
    arrival_price: decText(order.arrivalPrice),
    departure_price: decText(order.departurePrice),
    vwap: decText(f.vwap),
    interval_volume: decText(f.intervalVolume),
    placements: bundle.placements.map((placement) => corePlacement(placement, f.isSimple)),
    messages: bundle.messages.map(coreMessage),
    ...(options.includeFills ? { fills: bundle.fills.map((fill) => coreFill(fill, "upper")) } : {}),
  };
}

/** POST /api/orders/ → 201, field for field as the submit documentation's example. */
export function coreSubmittedOrder(bundle: OrderBundle): TCoreSubmittedOrder {
  const { order } = bundle;
  const f = figuresOf(order);
  const condition = conditionInfix(order);
  return {
    id: order.id,
    parent_order: order.parentOrderId,
    batch_order: null,
    chained_orders: [],
    created_at: order.createdAt.toISOString(),
    buy_token: f.buyToken,
    sell_token: f.sellToken,
    pair: order.pair,
    side: f.side,
    sell_token_amount: decText(f.sellTokenAmount),
    buy_token_amount: decText(f.buyTokenAmount),
    target_order_qty: decNumber(f.target),
    target_remaining_qty: decNumber(f.remaining),
    strategy: CORE_STRATEGY_IDS[order.strategy as StrategyName] ?? CORE_STRATEGY_IDS.TWAP,
    strategy_name: order.strategy,
    super_strategy: order.superStrategy,
    super_strategy_name: order.superStrategy,
    strategy_params: f.strategyParams,
    limit_price: f.limitPrice,
    is_reverse_limit_price: order.isReverseLimitPrice,
    time_start: f.timeStart.toISOString(),
    time_end: iso(f.timeEnd),
    is_simple: f.isSimple,
    orig_time_end: iso(f.origTimeEnd),
    duration: order.duration,
    accounts: bundle.accounts.map((account) => account.id),
    account_names: names(bundle),
    unique_venues: venues(bundle),
    user: order.userId,
    placements: bundle.placements.map((placement) => corePlacement(placement, f.isSimple)),
    executed_qty: decNumber(f.executed),
    executed_buy_qty: decNumber(f.executedBuy),
    executed_price: decText(f.averagePrice),
    executed_notional: decNumber(f.executedQuote),
    executed_token: decNumber(f.executed),
    active: f.active,
    status: f.status,
    engine_passiveness: decText(order.enginePassiveness),
    schedule_discretion: decText(order.scheduleDiscretion),
    alpha_tilt: decText(order.alphaTilt),
    exposure_tolerance: bundle.exposureTolerance === null ? null : decText(bundle.exposureTolerance),
    pov_limit: decText(order.povLimit),
    pov_target: decText(order.povTarget),
    order_condition: order.orderCondition,
    order_condition_vars: order.orderCondition ? ((order.orderConditionVars ?? {}) as ConditionVars) : {},
    order_condition_expiry: iso(order.orderConditionExpiry),
    failure_reason: order.failureReason,
    stop_price: "-1",
    notes: order.notes,
    custom_order_id: order.customOrderId,
    updated_leverage: null,
    vwap: decText(f.vwap),
    interval_volume: decText(f.intervalVolume),
    arrival_price: decText(order.arrivalPrice),
    departure_price: decText(order.departurePrice),
    pct_filled: decNumber(f.pct),
    order_variable_normal: condition.vars,
    order_condition_normal: condition.normal,
    paused_at: iso(order.pausedAt),
    resumed_at: iso(order.resumedAt),
    market_type: order.marketType,
    max_otc: decText(order.maxOtc),
    pos_side: null,
    order_slices: null,
    auto_order_metadata: {},
    batch_order_strategy: null,
    chase_decay: null,
  };
}

/** GET /api/order_summary/{id} */
export function coreOrderSummary(bundle: OrderBundle): TCoreOrderSummary {
  const { order } = bundle;
  const f = figuresOf(order);
  return {
    id: order.id,
    pair: order.pair,
    side: f.side,
    status: f.status,
    start_datetime: iso(f.timeStart),
    duration: order.duration,
    target_token: f.targetToken,
    order_qty: decNumber(f.target),
    remaining_qty: decNumber(f.remaining),
    executed_qty: decNumber(f.executed),
    executed_notional: decNumber(f.executedQuote),
    exchange_names: venues(bundle),
    account_names: names(bundle),
    schedule_discretion: decNumber(order.scheduleDiscretion),
    engine_passiveness: decNumber(order.enginePassiveness),
    alpha_tilt: decNumber(order.alphaTilt),
    strategy: order.superStrategy,
    trajectory: order.strategy,
    strategy_params: f.strategyParams,
    participation_rate_target_percent: decNumber(f.povPercent),
    market_type: order.marketType,
    parent_order_id: order.parentOrderId,
    failure_reason: order.failureReason,
    limit_price: f.limitPrice,
  };
}

/** A name-based UUID (SHA-1, RFC 9562 version 5 layout): the same order always has the same stat_id. */
function statId(orderId: string): string {
  const hex = createHash("sha1").update(`tranche:order-stats:${orderId}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An order of GET /api/orders_with_stats/: figures as decimal strings, its statistics and its fills. */
export function coreOrderWithStats(bundle: OrderBundle): TCoreOrderWithStats {
  const { order } = bundle;
  const f = figuresOf(order);
  const stats = executionStats({
    side: f.side,
    fills: bundle.fills.map((fill) => ({
      price: toDec(fill.price),
      size: toDec(fill.size),
      fee: toDec(fill.fee),
      feeAsset: fill.feeAsset,
    })),
    arrivalPrice: order.arrivalPrice === null ? null : toDec(order.arrivalPrice),
    departurePrice: order.departurePrice === null ? null : toDec(order.departurePrice),
    market: { volume: toDec(order.intervalVolume), notional: toDec(order.intervalNotional) },
  });
  return {
    id: order.id,
    pair: order.pair,
    side: f.side,
    status: f.status,
    time_start: iso(f.timeStart),
    duration: order.duration,
    target_token: f.targetToken,
    order_qty: decText(f.target),
    remaining_qty: decText(f.remaining),
    executed_qty: decText(f.executed),
    executed_notional: decText(f.executedQuote),
    exchange_names: venues(bundle),
    account_names: names(bundle),
    schedule_discretion: decText(order.scheduleDiscretion),
    engine_passiveness: decText(order.enginePassiveness),
    alpha_tilt: decText(order.alphaTilt),
    strategy: order.superStrategy,
    trajectory: order.strategy,
    strategy_params: f.strategyParams,
    participation_rate_target_percent: decText(f.povPercent),
    market_type: order.marketType.toUpperCase(),
    parent_order_id: order.parentOrderId,
    stats: {
      order_id: order.id,
      stat_id: statId(order.id),
      interval_volume: decText(f.intervalVolume),
      vwap: decText(ratio(stats.intervalVwap)),
      arrival_price: decText(stats.arrivalPrice),
      departure_price: decText(stats.departurePrice),
      average_executed_price: decText(ratio(stats.averagePrice)),
      slippage_vs_arrival_bps: stats.slippageVsArrivalBps,
      slippage_vs_vwap_bps: stats.slippageVsVwapBps,
      slippage_vs_departure_bps: stats.slippageVsDepartureBps,
      participation_rate: decText(ratio(stats.participationRate)),
    },
    fills: bundle.fills.map((fill) => coreFill(fill, "lower")),
  };
}

export function coreOrderWithStatsPage(page: OrderPage) {
  return {
    orders: page.bundles.map(coreOrderWithStats),
    page_number: page.page,
    page_size: page.pageSize,
    num_pages: page.numPages,
    order_count: page.count,
  };
}

/** An order of GET /api/active_orders/, with its fills. */
export function coreActiveOrder(bundle: OrderBundle): TCoreActiveOrder {
  const { order } = bundle;
  const f = figuresOf(order);
  return {
    id: order.id,
    custom_order_id: order.customOrderId,
    parent_order_id: order.parentOrderId,
    notes: order.notes,
    pair: order.pair,
    side: f.side,
    exchanges: venues(bundle),
    buy_token: f.buyToken,
    buy_token_amount: decText(f.buyTokenAmount),
    sell_token: f.sellToken,
    sell_token_amount: decText(f.sellTokenAmount),
    strategy: order.strategy,
    duration: order.duration,
    status: f.status,
    time_start: iso(f.timeStart),
    time_end: iso(f.timeEnd),
    limit_price: f.limitPrice,
    engine_passiveness: decNumber(order.enginePassiveness),
    schedule_discretion: decNumber(order.scheduleDiscretion),
    alpha_tilt: decNumber(order.alphaTilt),
    pos_side: null,
    user: order.userId,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    executed_qty: decNumber(f.executed),
    target_order_qty: decNumber(f.target),
    pct_filled: decNumber(f.pct),
    fills: bundle.fills.map((fill) => ({
      id: fill.id,
      order_id: fill.orderId,
      exchange: fill.venue,
      pair: fill.pair,
      side: fill.side,
      quantity: decText(fill.size),
      price: decText(fill.price),
      timestamp: fill.time.toISOString(),
      fee: decText(fill.fee),
      fee_currency: fill.feeAsset,
    })),
  };
}

export function coreActiveOrders(bundles: OrderBundle[]) {
  return { orders: bundles.map(coreActiveOrder), order_count: bundles.length };
}

/** GET /api/order_errors/, POST /api/order_messages/ */
export function coreMessagesByOrder(
  byOrder: Map<string, OrderMessage[]>,
): Record<string, TCoreOrderMessage[]> {
  return Object.fromEntries([...byOrder].map(([orderId, messages]) => [orderId, messages.map(coreMessage)]));
}

// --- Accounts ------------------------------------------------------------------------------------

export function coreAccounts(accounts: Account[]): TCoreAccountList {
  return {
    accounts: accounts.map((account) => ({
      id: account.id,
      name: account.name,
      exchange: account.venue,
      market_types: account.marketTypes,
      is_paper: account.isPaper,
      created_at: account.createdAt.toISOString(),
    })),
  };
}

/** Balances by account name, as the product's client documents them (spot tokens: no margin). */
export function coreBalances(balances: AccountBalances[]): TCoreBalances {
  return Object.fromEntries(
    balances.map(({ account, assets }) => [
      account.name,
      {
        exchange: account.venue,
        assets: assets.map((asset) => ({
          symbol: asset.asset,
          size: decNumber(asset.size),
          notional: decNumber(asset.notional),
          market_type: account.marketTypes[0] ?? "spot",
          asset_type: "token" as const,
          unrealized_profit: 0,
          initial_margin: 0,
          maint_margin: 0,
          margin_balance: decNumber(asset.size),
          leverage: null,
          notional_pct_total: decNumber(asset.shareOfTotal),
        })),
      },
    ]),
  );
}
