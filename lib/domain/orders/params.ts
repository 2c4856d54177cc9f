import {
  AMOUNT_COLUMN,
  FRACTION_COLUMN,
  ZERO,
  columnProblem,
  dec,
  type Dec,
  type DecimalColumn,
} from "../shared/decimal";
import { AppError, type FieldError } from "../shared/errors";
import type { Side } from "../shared/side";
import { parseCondition, type ConditionAst, type ConditionVars } from "./condition";
import {
  orderTokens,
  readOrderQuantity,
  targetToken,
  tryParsePair,
  type OrderQuantity,
  type ParsedPair,
} from "./quantity";
import { isAbsent, toDecimal, toEpochMs } from "./request-values";
import { STRATEGIES, type OrderSpec, type StrategyName, type StrategyParams } from "./types";

/**
 * Validation of a submitted order's parameters, shared by every surface: the Core Order API's
 * ranges and required fields, the strategy's needs, the strategy_params it knows. It collects every
 * problem, each naming its field, instead of stopping at the first, and returns a normalized order
 * with the documented defaults filled in. Accounts, venues and balances are the server's business.
 */

/** A documented numeric range; `open` ends exclude their bound. */
export interface Range {
  min: Dec;
  max: Dec;
  minOpen?: boolean;
}

export const RANGES = {
  engine_passiveness: { min: dec(0), max: dec(1) },
  schedule_discretion: { min: dec("0.02"), max: dec("0.5") },
  alpha_tilt: { min: dec(-1), max: dec(1) },
  pov_target: { min: dec(0), max: dec(1), minOpen: true },
  pov_limit: { min: dec(0), max: dec(1), minOpen: true },
  max_otc: { min: dec(0), max: dec(1) },
} satisfies Record<string, Range>;

/** The defaults the Core Order API answers with when a field is omitted. */
export const DEFAULTS = {
  engine_passiveness: dec("0.02"),
  schedule_discretion: dec("0.06"),
  alpha_tilt: ZERO,
  max_otc: ZERO,
};

export const MAX_CUSTOM_ORDER_ID = 64;
/** The smallest max_clip_size, in quote notional, as the API validates it. */
export const MIN_CLIP_SIZE = dec(100);
export const LIMIT_PRICE_MESSAGE = "Limit price must be a positive number";

/** The submit body's fields this module validates; everything else passes through untouched. */
export interface OrderRequestInput {
  pair?: unknown;
  side?: unknown;
  strategy?: unknown;
  base_asset_qty?: unknown;
  quote_asset_qty?: unknown;
  sell_token_amount?: unknown;
  duration?: unknown;
  start_datetime?: unknown;
  limit_price?: unknown;
  is_reverse_limit_price?: unknown;
  engine_passiveness?: unknown;
  schedule_discretion?: unknown;
  alpha_tilt?: unknown;
  pov_target?: unknown;
  pov_limit?: unknown;
  max_otc?: unknown;
  strategy_params?: unknown;
  custom_order_id?: unknown;
  notes?: unknown;
  order_condition?: unknown;
  order_condition_vars?: unknown;
  order_condition_expiry?: unknown;
}

export interface OrderCondition {
  /** As stored: reverse Polish notation. */
  rpn: string;
  vars: ConditionVars;
  ast: ConditionAst;
  /** Epoch ms after which the condition no longer waits; null = never. */
  expiry: number | null;
}

/** A submitted order after validation: typed, decimal, defaults applied. */
export interface OrderRequest {
  pair: ParsedPair;
  side: Side;
  strategy: StrategyName;
  quantity: OrderQuantity;
  targetToken: string;
  buyToken: string;
  sellToken: string;
  /** Seconds; null only for a POV order submitted without one. */
  durationSeconds: number | null;
  /** Epoch ms; null = start now. A past time also means now. */
  startTime: number | null;
  limitPrice: Dec | null;
  isReverseLimitPrice: boolean;
  passiveness: Dec;
  discretion: Dec;
  alphaTilt: Dec;
  povTarget: Dec | null;
  povLimit: Dec | null;
  maxOtc: Dec;
  params: StrategyParams;
  customOrderId: string;
  notes: string;
  condition: OrderCondition | null;
}

export type OrderRequestResult = { order: OrderRequest; errors: [] } | { order: null; errors: FieldError[] };

// --- Strategies -----------------------------------------------------------------------------------

const strategyKey = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");
const STRATEGY_BY_KEY = new Map<string, StrategyName>([
  ...STRATEGIES.map((name) => [strategyKey(name), name] as const),
  ["implementationshortfall", "IS"],
]);

/** The strategies that follow a schedule over the duration; only these can be worked as POV. */
export const TRAJECTORIES: readonly StrategyName[] = ["TWAP", "VWAP", "Target Time", "IS"];

/**
 * A strategy by name, ignoring case, spaces, `_` and `-` ("Target Time", "TargetTime",
 * "target_time" and "target-time" are one strategy); null when unknown.
 */
export function strategyByName(name: string): StrategyName | null {
  return STRATEGY_BY_KEY.get(strategyKey(name)) ?? null;
}

// --- Field readers --------------------------------------------------------------------------------

/** Collects field errors while reading; each reader returns a value or undefined after an error. */
export class FieldReader {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  /** A decimal that its database column stores exactly (`invalid` when it is not a number at all). */
  decimal(
    field: string,
    value: unknown,
    column: DecimalColumn,
    invalid = "must be a number",
  ): Dec | undefined {
    const number = toDecimal(value);
    if (number === null) return this.fail(field, invalid);
    const problem = columnProblem(number, column);
    return problem ? this.fail(field, problem) : number;
  }

  /** A decimal within a documented range; `fallback` when absent. */
  decimalInRange(field: string, value: unknown, range: Range, fallback: Dec): Dec | undefined;
  decimalInRange(field: string, value: unknown, range: Range, fallback: null): Dec | null | undefined;
  decimalInRange(field: string, value: unknown, range: Range, fallback: Dec | null): Dec | null | undefined {
    if (isAbsent(value)) return fallback;
    const number = this.decimal(field, value, FRACTION_COLUMN);
    if (number === undefined) return undefined;
    const aboveMin = range.minOpen ? number.greaterThan(range.min) : number.greaterThanOrEqualTo(range.min);
    if (!aboveMin || number.greaterThan(range.max)) return this.fail(field, rangeMessage(range));
    return number;
  }

  /** A positive whole number of seconds. */
  durationSeconds(field: string, value: unknown): number | undefined {
    const number = toDecimal(value);
    if (number === null || !number.isInteger() || number.lte(ZERO)) {
      return this.fail(field, "must be a positive whole number of seconds");
    }
    const seconds = number.toNumber();
    if (!Number.isSafeInteger(seconds * 1000)) return this.fail(field, "is too long");
    return seconds;
  }

  /** A limit price: absent (or "") is no limit; anything else must be a positive decimal. */
  limitPrice(field: string, value: unknown): Dec | null | undefined {
    if (isAbsent(value)) return null;
    const price = toDecimal(value);
    if (price === null || price.lte(ZERO)) return this.fail(field, LIMIT_PRICE_MESSAGE);
    return this.decimal(field, value, AMOUNT_COLUMN);
  }

  boolean(field: string, value: unknown, fallback: boolean): boolean | undefined {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") return this.fail(field, "must be true or false");
    return value;
  }

  text(field: string, value: unknown, maxLength?: number): string | undefined {
    if (value === undefined || value === null) return "";
    if (typeof value !== "string") return this.fail(field, "must be a string");
    if (maxLength !== undefined && value.length > maxLength) {
      return this.fail(field, `must be at most ${maxLength} characters`);
    }
    return value;
  }
}

function rangeMessage(range: Range): string {
  const [min, max] = [range.min.toFixed(), range.max.toFixed()];
  return range.minOpen
    ? `must be greater than ${min} and at most ${max}`
    : `must be between ${min} and ${max}`;
}

// --- strategy_params ------------------------------------------------------------------------------

const BOOLEAN_PARAMS = {
  passive_only: "passiveOnly",
  active_limit: "activeLimit",
  reduce_only: "reduceOnly",
  ool_pause: "oolPause",
  strict_duration: "strictDuration",
  spot_leverage: "spotLeverage",
} as const satisfies Record<string, keyof StrategyParams>;

/**
 * Keys the API answers with but that change nothing here: `entry` appears in the Core Order API's
 * own example response, so a client echoing strategy_params back must not be refused.
 */
const IGNORED_PARAMS = new Set(["entry"]);

export const STRATEGY_PARAM_KEYS = [...Object.keys(BOOLEAN_PARAMS), "max_clip_size", ...IGNORED_PARAMS];

export const DEFAULT_STRATEGY_PARAMS: StrategyParams = {
  passiveOnly: false,
  activeLimit: false,
  oolPause: false,
  strictDuration: false,
  maxClipSize: null,
  reduceOnly: false,
  spotLeverage: false,
};

/** strategy_params: known keys only, every one nullable (null = the default). */
export function readStrategyParams(reader: FieldReader, value: unknown): StrategyParams {
  const params: StrategyParams = { ...DEFAULT_STRATEGY_PARAMS };
  if (value === undefined || value === null) return params;
  if (typeof value !== "object" || Array.isArray(value)) {
    reader.fail("strategy_params", "must be an object");
    return params;
  }
  for (const [key, raw] of Object.entries(value)) {
    const field = `strategy_params.${key}`;
    if (key in BOOLEAN_PARAMS) {
      const flag = reader.boolean(field, raw, false);
      if (flag !== undefined) params[BOOLEAN_PARAMS[key as keyof typeof BOOLEAN_PARAMS]] = flag;
    } else if (key === "max_clip_size") {
      if (isAbsent(raw)) continue;
      const size = reader.decimal(field, raw, AMOUNT_COLUMN);
      if (size === undefined) continue;
      if (size.lessThan(MIN_CLIP_SIZE)) reader.fail(field, `must be at least ${MIN_CLIP_SIZE.toFixed()}`);
      else params.maxClipSize = size;
    } else if (!IGNORED_PARAMS.has(key)) {
      reader.fail(field, `Unknown strategy parameter; known: ${STRATEGY_PARAM_KEYS.join(", ")}`);
    }
  }
  return params;
}

// --- The whole request ----------------------------------------------------------------------------

/**
 * Validate a submitted order at `now` (epoch ms): every field error at once, or the normalized order.
 * Rules beyond the ranges: duration is required unless pov_target is given; an order with
 * pov_target is worked as POV (allowed with no strategy, "POV" or a trajectory, not with Market,
 * Limit, IOC or Iceberg); Limit needs limit_price; Iceberg needs strategy_params.max_clip_size;
 * passive_only cannot go with Market or IOC (they take liquidity by definition); ool_pause and
 * is_reverse_limit_price need a limit_price; pov_limit may not be below pov_target; a condition
 * expiry needs a condition and must be in the future.
 */
export function validateOrderRequest(input: OrderRequestInput, options: { now: number }): OrderRequestResult {
  const reader = new FieldReader();

  const pair = readPair(reader, input.pair);
  const side = readSide(reader, input.side);
  const quantity = readOrderQuantity(input, side ?? "buy");
  reader.errors.push(...quantity.errors);

  const povTarget = reader.decimalInRange("pov_target", input.pov_target, RANGES.pov_target, null);
  const povLimit = reader.decimalInRange("pov_limit", input.pov_limit, RANGES.pov_limit, null);
  if (povTarget && povLimit && povLimit.lessThan(povTarget))
    reader.fail("pov_limit", "must be at least pov_target");
  const strategy = readStrategy(reader, input.strategy, !isAbsent(input.pov_target));

  const durationSeconds = isAbsent(input.duration)
    ? isAbsent(input.pov_target)
      ? reader.fail("duration", "is required unless pov_target is given")
      : null
    : reader.durationSeconds("duration", input.duration);

  let startTime: number | null | undefined = null;
  if (!isAbsent(input.start_datetime)) {
    startTime = toEpochMs(input.start_datetime);
    if (startTime === null) reader.fail("start_datetime", "must be an ISO 8601 time or epoch milliseconds");
  }

  const limitPrice = reader.limitPrice("limit_price", input.limit_price);
  const isReverseLimitPrice = reader.boolean("is_reverse_limit_price", input.is_reverse_limit_price, false);
  const passiveness = reader.decimalInRange(
    "engine_passiveness",
    input.engine_passiveness,
    RANGES.engine_passiveness,
    DEFAULTS.engine_passiveness,
  );
  const discretion = reader.decimalInRange(
    "schedule_discretion",
    input.schedule_discretion,
    RANGES.schedule_discretion,
    DEFAULTS.schedule_discretion,
  );
  const alphaTilt = reader.decimalInRange(
    "alpha_tilt",
    input.alpha_tilt,
    RANGES.alpha_tilt,
    DEFAULTS.alpha_tilt,
  );
  const maxOtc = reader.decimalInRange("max_otc", input.max_otc, RANGES.max_otc, DEFAULTS.max_otc);
  const params = readStrategyParams(reader, input.strategy_params);
  const customOrderId = reader.text("custom_order_id", input.custom_order_id, MAX_CUSTOM_ORDER_ID);
  const notes = reader.text("notes", input.notes);
  const condition = readCondition(reader, input, options.now);

  // Rules across fields.
  if (strategy === "Limit" && limitPrice === null)
    reader.fail("limit_price", "is required for the Limit strategy");
  const clipRefused = reader.errors.some((error) => error.field === "strategy_params.max_clip_size");
  if (strategy === "Iceberg" && params.maxClipSize === null && !clipRefused) {
    reader.fail("strategy_params.max_clip_size", "is required for the Iceberg strategy");
  }
  if ((strategy === "Market" || strategy === "IOC") && params.passiveOnly) {
    reader.fail("strategy_params.passive_only", `cannot be used with the ${strategy} strategy`);
  }
  if (params.oolPause && limitPrice === null) reader.fail("strategy_params.ool_pause", "needs a limit_price");
  if (isReverseLimitPrice && limitPrice === null)
    reader.fail("is_reverse_limit_price", "needs a limit_price");

  if (reader.errors.length > 0) return { order: null, errors: reader.errors };
  // With no errors every reader returned a value; the checks below only narrow the types.
  if (
    !pair ||
    !side ||
    !quantity.quantity ||
    !strategy ||
    durationSeconds === undefined ||
    startTime === undefined ||
    limitPrice === undefined ||
    isReverseLimitPrice === undefined ||
    !passiveness ||
    !discretion ||
    !alphaTilt ||
    !maxOtc ||
    povTarget === undefined ||
    povLimit === undefined ||
    customOrderId === undefined ||
    notes === undefined ||
    condition === undefined
  ) {
    throw new Error("validateOrderRequest: a reader returned nothing without an error");
  }
  const tokens = orderTokens(pair, side);
  return {
    errors: [],
    order: {
      pair,
      side,
      strategy,
      quantity: quantity.quantity,
      targetToken: targetToken(pair, quantity.quantity.unit),
      ...tokens,
      durationSeconds,
      startTime,
      limitPrice,
      isReverseLimitPrice,
      passiveness,
      discretion,
      alphaTilt,
      povTarget,
      povLimit,
      maxOtc,
      params,
      customOrderId,
      notes,
      condition,
    },
  };
}

/** `validateOrderRequest` that throws `bad_request` carrying every field error. */
export function parseOrderRequest(input: OrderRequestInput, options: { now: number }): OrderRequest {
  const result = validateOrderRequest(input, options);
  if (result.order) return result.order;
  const message = result.errors.map((error) => `${error.field}: ${error.message}`).join("; ");
  throw new AppError("bad_request", message, { fieldErrors: result.errors });
}

/**
 * The engine's view of a validated order, once it has an id and an activation time (epoch ms):
 * the schedule ends `durationSeconds` after `startTime`, or never for a POV order without one.
 */
export function toOrderSpec(order: OrderRequest, options: { id: string; startTime: number }): OrderSpec {
  const { id, startTime } = options;
  return {
    id,
    pair: order.pair.pair,
    side: order.side,
    strategy: order.strategy,
    targetQty: order.quantity.qty,
    targetUnit: order.quantity.unit,
    startTime,
    endTime: order.durationSeconds === null ? null : startTime + order.durationSeconds * 1000,
    limitPrice: order.limitPrice,
    isReverseLimitPrice: order.isReverseLimitPrice,
    passiveness: order.passiveness,
    discretion: order.discretion,
    alphaTilt: order.alphaTilt,
    povTarget: order.povTarget,
    povLimit: order.povLimit,
    params: order.params,
  };
}

function readPair(reader: FieldReader, value: unknown): ParsedPair | undefined {
  if (isAbsent(value)) return reader.fail("pair", "is required");
  if (typeof value !== "string") return reader.fail("pair", "must be a string");
  return (
    tryParsePair(value) ?? reader.fail("pair", "must be BASE-QUOTE or BASE:VARIANT-QUOTE, e.g. BTC:PERP-USDT")
  );
}

function readSide(reader: FieldReader, value: unknown): Side | undefined {
  if (isAbsent(value)) return reader.fail("side", "is required");
  const side = typeof value === "string" ? value.toLowerCase() : null;
  return side === "buy" || side === "sell" ? side : reader.fail("side", "must be buy or sell");
}

function readStrategy(reader: FieldReader, value: unknown, hasPovTarget: boolean): StrategyName | undefined {
  if (isAbsent(value)) return hasPovTarget ? "POV" : reader.fail("strategy", "is required");
  if (typeof value !== "string") return reader.fail("strategy", "must be a strategy name");
  const named = strategyByName(value);
  if (!named) return reader.fail("strategy", `Invalid strategy: ${value}`);
  if (!hasPovTarget) {
    return named === "POV" ? reader.fail("pov_target", "is required for the POV strategy") : named;
  }
  if (named !== "POV" && !TRAJECTORIES.includes(named)) {
    return reader.fail("pov_target", `cannot be used with the ${named} strategy`);
  }
  return "POV";
}

function readCondition(
  reader: FieldReader,
  input: OrderRequestInput,
  now: number,
): OrderCondition | null | undefined {
  const { order_condition: rpn, order_condition_vars: rawVars, order_condition_expiry: rawExpiry } = input;
  let vars: ConditionVars = {};
  if (!isAbsent(rawVars)) {
    const valid =
      typeof rawVars === "object" &&
      !Array.isArray(rawVars) &&
      Object.values(rawVars).every((v) => typeof v === "string" || typeof v === "number");
    if (!valid) return reader.fail("order_condition_vars", "must be an object of expressions");
    vars = rawVars as ConditionVars;
  }
  let expiry: number | null = null;
  if (!isAbsent(rawExpiry)) {
    const parsed = toEpochMs(rawExpiry);
    if (parsed === null)
      return reader.fail("order_condition_expiry", "must be an ISO 8601 time or epoch milliseconds");
    if (isAbsent(rpn)) return reader.fail("order_condition_expiry", "needs an order_condition");
    if (parsed <= now) return reader.fail("order_condition_expiry", "must be in the future");
    expiry = parsed;
  }
  if (isAbsent(rpn)) {
    if (Object.keys(vars).length > 0) return reader.fail("order_condition_vars", "needs an order_condition");
    return null;
  }
  if (typeof rpn !== "string") return reader.fail("order_condition", "must be a string");
  try {
    return { rpn: rpn.trim(), vars, ast: parseCondition(rpn, vars), expiry };
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors.length > 0) {
      reader.errors.push(...error.fieldErrors);
      return undefined;
    }
    throw error;
  }
}
