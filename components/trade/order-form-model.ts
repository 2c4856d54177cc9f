import { MIN_CLIP_SIZE, RANGES, type Range } from "@/lib/domain/orders/params";
import { STRATEGIES, type StrategyName } from "@/lib/domain/orders/types";
import { parseDecimal } from "@/lib/domain/shared/decimal";

/**
 * The order-entry form's model: what the trader typed, which parameters each strategy uses, the
 * POST /api/orders/ body built from it, and which form field an API error is about. The server is
 * the judge of every value; the ranges here (the domain's own) only drive the hints.
 */

export const STRATEGY_NAMES: readonly StrategyName[] = STRATEGIES;

export type ParamKey =
  | "duration"
  | "start"
  | "limitPrice"
  | "passiveness"
  | "discretion"
  | "alphaTilt"
  | "povTarget"
  | "povLimit"
  | "passiveOnly"
  | "activeLimit"
  | "oolPause"
  | "strictDuration"
  | "maxClip"
  | "condition";

/** Schedule-following strategies: every parameter that shapes a schedule. */
const SCHEDULED: ParamKey[] = [
  "duration",
  "start",
  "limitPrice",
  "passiveness",
  "discretion",
  "alphaTilt",
  "povLimit",
  "passiveOnly",
  "activeLimit",
  "oolPause",
  "strictDuration",
  "maxClip",
  "condition",
];

/** The parameters each strategy uses (what the execution core reads for it). */
export const STRATEGY_PARAMS: Record<StrategyName, readonly ParamKey[]> = {
  Market: ["duration", "start", "maxClip", "condition"],
  Limit: [
    "duration",
    "start",
    "limitPrice",
    "passiveOnly",
    "activeLimit",
    "oolPause",
    "maxClip",
    "condition",
  ],
  IOC: ["duration", "start", "limitPrice", "maxClip", "condition"],
  Iceberg: [
    "duration",
    "start",
    "limitPrice",
    "passiveness",
    "passiveOnly",
    "activeLimit",
    "oolPause",
    "maxClip",
    "condition",
  ],
  TWAP: SCHEDULED,
  VWAP: SCHEDULED,
  "Target Time": SCHEDULED,
  IS: SCHEDULED,
  POV: [
    "duration",
    "start",
    "limitPrice",
    "passiveness",
    "discretion",
    "povTarget",
    "povLimit",
    "passiveOnly",
    "activeLimit",
    "oolPause",
    "strictDuration",
    "maxClip",
    "condition",
  ],
};

export const STRATEGY_HELP: Record<StrategyName, string> = {
  Market: "Takes liquidity at once, walking the book.",
  Limit: "Rests at the limit price; never trades through it.",
  IOC: "Takes what is available now up to the limit; the rest is canceled.",
  Iceberg: "Shows one clip (max clip size) at a time.",
  TWAP: "Even slices over the duration, inside the discretion band.",
  VWAP: "Follows the market's expected intraday volume curve.",
  POV: "Trades a target share of the market's volume.",
  "Target Time": "Back-loaded: as passive as the time left allows, finishing on time.",
  IS: "Front-loaded against the arrival price; urgency rises with 1 − passiveness.",
};

export type DurationUnit = "s" | "min" | "h";
export const DURATION_SECONDS: Record<DurationUnit, number> = { s: 1, min: 60, h: 3600 };

export interface OrderFormState {
  accounts: string[];
  pair: string;
  side: "buy" | "sell";
  /** The unit the quantity is typed in: base asset or quote asset. */
  unit: "base" | "quote";
  qty: string;
  strategy: StrategyName;
  duration: string;
  durationUnit: DurationUnit;
  /** datetime-local text (the reader's time zone); empty = now. */
  start: string;
  limitPrice: string;
  reverseLimit: boolean;
  passiveness: string;
  discretion: string;
  alphaTilt: string;
  povTarget: string;
  povLimit: string;
  passiveOnly: boolean;
  activeLimit: boolean;
  oolPause: boolean;
  strictDuration: boolean;
  maxClip: string;
  condition: string;
}

export const INITIAL_FORM: OrderFormState = {
  accounts: [],
  pair: "",
  side: "buy",
  unit: "base",
  qty: "",
  strategy: "TWAP",
  duration: "30",
  durationUnit: "min",
  start: "",
  limitPrice: "",
  reverseLimit: false,
  passiveness: "",
  discretion: "",
  alphaTilt: "",
  povTarget: "",
  povLimit: "",
  passiveOnly: false,
  activeLimit: false,
  oolPause: false,
  strictDuration: false,
  maxClip: "",
  condition: "",
};

export const uses = (state: Pick<OrderFormState, "strategy">, param: ParamKey) =>
  STRATEGY_PARAMS[state.strategy].includes(param);

/** Duration in whole seconds, or null when the text is not a positive number. */
export function durationSeconds(state: Pick<OrderFormState, "duration" | "durationUnit">): number | null {
  const value = parseDecimal(state.duration);
  if (!value || value.lte(0)) return null;
  const seconds = value.times(DURATION_SECONDS[state.durationUnit]);
  return seconds.isInteger() ? seconds.toNumber() : null;
}

/** Start time as epoch ms; null = now (empty), NaN when the text is not a time. */
export function startTime(state: Pick<OrderFormState, "start">): number | null {
  if (state.start.trim() === "") return null;
  return new Date(state.start).getTime();
}

const text = (value: string) => {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
};

/**
 * The POST /api/orders/ body: only the fields the chosen strategy uses, empty fields left out so the
 * API applies its documented defaults. Values go as typed (decimal text): the API validates them.
 */
export function buildSubmitBody(state: OrderFormState): Record<string, unknown> {
  const on = (param: ParamKey) => uses(state, param);
  const body: Record<string, unknown> = {
    accounts: state.accounts,
    pair: state.pair.trim(),
    side: state.side,
    strategy: state.strategy,
    [state.unit === "base" ? "base_asset_qty" : "quote_asset_qty"]: text(state.qty),
  };
  if (on("duration") && text(state.duration) !== undefined) {
    // Seconds, as the API takes them; a value that is not whole seconds (or not a number) goes as
    // it is, for the API to say so beside the field.
    const value = parseDecimal(state.duration);
    const seconds = value?.times(DURATION_SECONDS[state.durationUnit]);
    body.duration =
      seconds === undefined
        ? state.duration.trim()
        : seconds.isInteger()
          ? seconds.toNumber()
          : seconds.toFixed();
  }
  if (on("start")) {
    const start = startTime(state);
    if (start !== null)
      body.start_datetime = Number.isNaN(start) ? state.start : new Date(start).toISOString();
  }
  if (on("limitPrice")) {
    body.limit_price = text(state.limitPrice);
    if (state.reverseLimit) body.is_reverse_limit_price = true;
  }
  if (on("passiveness")) body.engine_passiveness = text(state.passiveness);
  if (on("discretion")) body.schedule_discretion = text(state.discretion);
  if (on("alphaTilt")) body.alpha_tilt = text(state.alphaTilt);
  if (on("povTarget")) body.pov_target = text(state.povTarget);
  if (on("povLimit")) body.pov_limit = text(state.povLimit);
  if (on("condition")) body.order_condition = text(state.condition);
  const params: Record<string, unknown> = {};
  if (on("passiveOnly") && state.passiveOnly) params.passive_only = true;
  if (on("activeLimit") && state.activeLimit) params.active_limit = true;
  if (on("oolPause") && state.oolPause) params.ool_pause = true;
  if (on("strictDuration") && state.strictDuration) params.strict_duration = true;
  if (on("maxClip") && text(state.maxClip) !== undefined) params.max_clip_size = text(state.maxClip);
  if (Object.keys(params).length > 0) body.strategy_params = params;
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** The form field each request field's errors show beside. */
export type FormField = ParamKey | "accounts" | "pair" | "side" | "qty" | "strategy" | "reverseLimit";

const FIELD_OF: Record<string, FormField> = {
  accounts: "accounts",
  pair: "pair",
  buy_token: "pair",
  sell_token: "pair",
  side: "side",
  base_asset_qty: "qty",
  quote_asset_qty: "qty",
  sell_token_amount: "qty",
  strategy: "strategy",
  duration: "duration",
  start_datetime: "start",
  limit_price: "limitPrice",
  is_reverse_limit_price: "reverseLimit",
  engine_passiveness: "passiveness",
  schedule_discretion: "discretion",
  alpha_tilt: "alphaTilt",
  pov_target: "povTarget",
  pov_limit: "povLimit",
  "strategy_params.passive_only": "passiveOnly",
  "strategy_params.active_limit": "activeLimit",
  "strategy_params.ool_pause": "oolPause",
  "strategy_params.strict_duration": "strictDuration",
  "strategy_params.max_clip_size": "maxClip",
  order_condition: "condition",
  order_condition_vars: "condition",
  order_condition_expiry: "condition",
};

/**
 * The API's field errors by form field, and whatever names no field of the form (shown above the
 * submit button). A refused balance is about the quantity.
 */
export function formErrors(
  fieldErrors: Record<string, string>,
  message: string | null,
): { byField: Partial<Record<FormField, string>>; other: string[] } {
  const byField: Partial<Record<FormField, string>> = {};
  const other: string[] = [];
  for (const [field, error] of Object.entries(fieldErrors)) {
    const target = FIELD_OF[field];
    if (target) byField[target] ??= error;
    else other.push(`${field}: ${error}`);
  }
  if (message && Object.keys(fieldErrors).length === 0) {
    if (/^Insufficient balance/.test(message)) byField.qty = message;
    else other.push(message);
  }
  return { byField, other };
}

/** "0–1 (default 0.02)" style hints, from the domain's own ranges. */
const rangeText = (range: Range) =>
  `${range.minOpen ? `> ${range.min.toFixed()}` : range.min.toFixed()} – ${range.max.toFixed()}`;

export const HINTS = {
  passiveness: `${rangeText(RANGES.engine_passiveness)} (default 0.02): 0 crosses, 1 rests far from the touch`,
  discretion: `${rangeText(RANGES.schedule_discretion)} (default 0.06): allowed deviation from the schedule`,
  alphaTilt: `${rangeText(RANGES.alpha_tilt)} (default 0): > 0 front-loads, < 0 back-loads`,
  povTarget: `${rangeText(RANGES.pov_target)}: share of market volume, e.g. 0.1 = 10 %`,
  povLimit: `${rangeText(RANGES.pov_limit)}: never above this share of volume`,
  maxClip: `At least ${MIN_CLIP_SIZE.toFixed()} (quote notional per child order)`,
  condition: "Reverse Polish, e.g. BTC-USDT@sim 90000 <=",
};

/** Whether a typed value is outside the documented range (a hint only; the API decides). */
export function outOfRange(field: keyof typeof RANGES, value: string): boolean {
  if (value.trim() === "") return false;
  const range: Range = RANGES[field];
  const number = parseDecimal(value);
  if (!number) return true;
  return (range.minOpen ? number.lte(range.min) : number.lt(range.min)) || number.gt(range.max);
}

export function clipTooSmall(value: string): boolean {
  if (value.trim() === "") return false;
  const number = parseDecimal(value);
  return !number || number.lt(MIN_CLIP_SIZE);
}
