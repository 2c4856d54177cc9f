import { Dec, ZERO, columnProblem } from "../shared/decimal";
import { AppError, fieldError, type FieldError } from "../shared/errors";
import type { Side } from "../shared/side";
import { isAbsent, toDecimal } from "./request-values";

/**
 * Quantity math of a parent order. An order is sized in exactly one of base, quote or sell token;
 * the sell token is the quote for a buy and the base for a sell, so every order ends up with a
 * target token (base or quote) in which target, executed and remaining quantities are measured.
 * Fills are always base size at a quote-per-base price; notional is their quote value.
 */

export const QTY_FIELDS = ["base_asset_qty", "quote_asset_qty", "sell_token_amount"] as const;
export type QtyField = (typeof QTY_FIELDS)[number];
export type TargetUnit = "base" | "quote";

const QTY_LIST = `['${QTY_FIELDS.join("', '")}']`;
/** The Core Order API's own messages, verbatim. */
export const QTY_MISSING = `Need one of the qty fields: ${QTY_LIST}`;
export const QTY_MULTIPLE = `Cannot have more than one of the qty fields: ${QTY_LIST}`;

// --- Pairs ----------------------------------------------------------------------------------------

export type MarketType = "spot" | "perp" | "future";

export interface ParsedPair {
  /** As given: "BTC:PERP-USDT". */
  pair: string;
  /** The base token including its variant: "BTC:PERP". This is what a buy buys. */
  base: string;
  /** The base without its variant: "BTC". */
  underlying: string;
  /** "PERP", a delivery code, or null for spot. */
  variant: string | null;
  quote: string;
  /** PERP is a perpetual swap; any other variant is a dated future; no variant is spot. */
  marketType: MarketType;
}

const TOKEN = "[A-Za-z0-9_.]+";
const PAIR = new RegExp(`^(${TOKEN})(?::(${TOKEN}))?-(${TOKEN})$`);

/** Parse `BASE-QUOTE` or `BASE:VARIANT-QUOTE`; null when the text is neither. */
export function tryParsePair(text: string): ParsedPair | null {
  const match = PAIR.exec(text);
  if (!match) return null;
  const [, underlying = "", variant = null, quote = ""] = match;
  const marketType: MarketType =
    variant === null ? "spot" : variant.toUpperCase() === "PERP" ? "perp" : "future";
  return {
    pair: text,
    base: variant ? `${underlying}:${variant}` : underlying,
    underlying,
    variant,
    quote,
    marketType,
  };
}

/** Parse a pair or throw `bad_request` on field `pair`. */
export function parsePair(text: string): ParsedPair {
  const parsed = tryParsePair(text);
  if (!parsed) throw fieldError("pair", `Invalid pair ${text}: expected BASE-QUOTE or BASE:VARIANT-QUOTE`);
  return parsed;
}

/** A buy buys the base with the quote; a sell the reverse. */
export function orderTokens(pair: ParsedPair, side: Side): { buyToken: string; sellToken: string } {
  return side === "buy"
    ? { buyToken: pair.base, sellToken: pair.quote }
    : { buyToken: pair.quote, sellToken: pair.base };
}

// --- The order's quantity -------------------------------------------------------------------------

export interface OrderQuantity {
  /** Which request field carried it. */
  field: QtyField;
  qty: Dec;
  /** The unit `qty` is measured in: sell_token_amount is quote for a buy, base for a sell. */
  unit: TargetUnit;
}

/** The unit a quantity field measures, for an order on `side`. */
export function targetUnitOf(field: QtyField, side: Side): TargetUnit {
  if (field === "base_asset_qty") return "base";
  if (field === "quote_asset_qty") return "quote";
  return side === "buy" ? "quote" : "base";
}

/** The token target quantities are measured in ("BTC:PERP" or "USDT"). */
export function targetToken(pair: ParsedPair, unit: TargetUnit): string {
  return unit === "base" ? pair.base : pair.quote;
}

/**
 * Exactly one positive quantity among base_asset_qty, quote_asset_qty and sell_token_amount.
 * Returns the quantity or the field errors; "none" is reported on base_asset_qty (the first of the
 * group), "more than one" on each field after the first one given.
 */
export function readOrderQuantity(
  input: Partial<Record<QtyField, unknown>>,
  side: Side,
): { quantity: OrderQuantity; errors: [] } | { quantity: null; errors: FieldError[] } {
  const given = QTY_FIELDS.filter((field) => !isAbsent(input[field]));
  const [field, ...extra] = given;
  if (field === undefined)
    return { quantity: null, errors: [{ field: "base_asset_qty", message: QTY_MISSING }] };
  if (extra.length > 0) {
    return { quantity: null, errors: extra.map((name) => ({ field: name, message: QTY_MULTIPLE })) };
  }
  const qty = toDecimal(input[field]);
  if (qty === null) return { quantity: null, errors: [{ field, message: "must be a decimal number" }] };
  if (qty.lte(ZERO)) {
    return { quantity: null, errors: [{ field, message: "must be a positive number" }] };
  }
  const problem = columnProblem(qty);
  if (problem) return { quantity: null, errors: [{ field, message: problem }] };
  return { quantity: { field, qty, unit: targetUnitOf(field, side) }, errors: [] };
}

/** `readOrderQuantity` that throws `bad_request` with the field errors. */
export function parseOrderQuantity(input: Partial<Record<QtyField, unknown>>, side: Side): OrderQuantity {
  const { quantity, errors } = readOrderQuantity(input, side);
  if (quantity) return quantity;
  throw new AppError("bad_request", errors.map((e) => e.message).join("; "), { fieldErrors: errors });
}

/**
 * The Core Order API's buy_token_amount / sell_token_amount: the target quantity sits on the side
 * whose token it is measured in, the other is null (unknown until filled).
 */
export function tokenAmounts(
  side: Side,
  unit: TargetUnit,
  qty: Dec,
): { buyTokenAmount: Dec | null; sellTokenAmount: Dec | null } {
  const buysTarget = (side === "buy") === (unit === "base");
  return buysTarget
    ? { buyTokenAmount: qty, sellTokenAmount: null }
    : { buyTokenAmount: null, sellTokenAmount: qty };
}

// --- Conversions ----------------------------------------------------------------------------------

/** Quote value of a base amount at a price (quote per base). */
export function baseToQuote(base: Dec, price: Dec): Dec {
  return base.times(price);
}

/** Base amount a quote value buys at a price; the price must be positive. */
export function quoteToBase(quote: Dec, price: Dec): Dec {
  if (price.lte(ZERO)) throw new AppError("bad_request", "Price must be positive to convert");
  return quote.dividedBy(price);
}

/** Convert an amount between units at a price. */
export function convertQty(qty: Dec, from: TargetUnit, to: TargetUnit, price: Dec): Dec {
  if (from === to) return qty;
  return from === "base" ? baseToQuote(qty, price) : quoteToBase(qty, price);
}

// --- Progress from fills --------------------------------------------------------------------------

/** What quantity math needs of a fill: base size at a quote-per-base price. */
export interface FillQty {
  price: Dec;
  size: Dec;
}

/** Total base quantity filled. */
export function executedBase(fills: readonly FillQty[]): Dec {
  return fills.reduce((sum, fill) => sum.plus(fill.size), ZERO);
}

/** Total quote value filled (Σ price × size). */
export function executedNotional(fills: readonly FillQty[]): Dec {
  return fills.reduce((sum, fill) => sum.plus(fill.price.times(fill.size)), ZERO);
}

/** Executed quantity in the order's target unit. */
export function executedInUnit(fills: readonly FillQty[], unit: TargetUnit): Dec {
  return unit === "base" ? executedBase(fills) : executedNotional(fills);
}

/** Volume-weighted average fill price; null without fills. */
export function averagePrice(fills: readonly FillQty[]): Dec | null {
  const base = executedBase(fills);
  return base.isZero() ? null : executedNotional(fills).dividedBy(base);
}

/** What is left to execute; never negative (an overfill leaves zero). */
export function remainingQty(target: Dec, executed: Dec): Dec {
  return Dec.max(ZERO, target.minus(executed));
}

/**
 * Percentage filled, 0–100 with two decimals, rounded down so "100.00" means really filled;
 * capped at 100 for an overfill.
 */
export function pctFilled(target: Dec, executed: Dec): Dec {
  if (target.lte(ZERO)) return ZERO;
  const pct = Dec.min(new Dec(100), executed.dividedBy(target).times(100));
  return pct.toDecimalPlaces(2, Dec.ROUND_DOWN);
}

/** What an order executed against its target: the figures the fully-filled rule reads. */
export interface Execution {
  targetQty: Dec;
  targetUnit: TargetUnit;
  executedBase: Dec;
  executedQuote: Dec;
}

/**
 * THE rule for "fully filled", used by the engine (when to complete), by group orders (when a chain
 * moves on) and by every surface (hummingbot's FILLED, the Core multi-order's completely_filled):
 * what remains of the target is less than one size step of the pair, so no child order could take
 * it. A quote target's step is worth one lot at the order's average fill price (a market buy of
 * 1,000 USDT that spent 999.58 USDT on 0.01006 BTC at 99,362 is filled: 0.42 USDT buys no lot of
 * 0.00001 BTC). Without a size step (a venue without lot rules) nothing may remain; without a fill
 * an order is never filled.
 */
export function isFullyFilled(execution: Execution, sizeStep: Dec | null): boolean {
  const { targetQty, targetUnit, executedBase, executedQuote } = execution;
  if (executedBase.lte(ZERO)) return false;
  const executed = targetUnit === "base" ? executedBase : executedQuote;
  if (sizeStep === null || sizeStep.lte(ZERO)) return executed.greaterThanOrEqualTo(targetQty);
  const step = targetUnit === "base" ? sizeStep : sizeStep.times(executedQuote).dividedBy(executedBase);
  return executed.greaterThan(targetQty.minus(step));
}

export interface OrderProgress {
  executedBase: Dec;
  executedNotional: Dec;
  /** Executed in the target unit. */
  executedQty: Dec;
  remainingQty: Dec;
  pctFilled: Dec;
  averagePrice: Dec | null;
  /** Amounts of the buy token received and the sell token given (buy: base and quote; sell: the reverse). */
  executedBuyQty: Dec;
  executedSellQty: Dec;
}

/** Every progress figure of an order at once, from its target and its fills. */
export function orderProgress(options: {
  side: Side;
  targetQty: Dec;
  targetUnit: TargetUnit;
  fills: readonly FillQty[];
}): OrderProgress {
  const { side, targetQty, targetUnit, fills } = options;
  const base = executedBase(fills);
  const notional = executedNotional(fills);
  const executed = targetUnit === "base" ? base : notional;
  return {
    executedBase: base,
    executedNotional: notional,
    executedQty: executed,
    remainingQty: remainingQty(targetQty, executed),
    pctFilled: pctFilled(targetQty, executed),
    averagePrice: base.isZero() ? null : notional.dividedBy(base),
    executedBuyQty: side === "buy" ? base : notional,
    executedSellQty: side === "buy" ? notional : base,
  };
}
