import { Dec, ZERO, columnProblem, toPlain } from "../shared/decimal";
import { AppError, type FieldError } from "../shared/errors";
import { FieldReader, LIMIT_PRICE_MESSAGE, RANGES } from "./params";
import type { TargetUnit } from "./quantity";
import { isAbsent, toDecimal } from "./request-values";
import type { OrderSpec } from "./types";

/**
 * The Core Order API's amend rules, as pure functions of the order, what it has executed and the
 * time. An amend must leave the order something to do: a new quantity at least 5% above what is
 * executed, a new duration at least 5% above the time elapsed, and at least 15 s left to make the
 * change. Value errors (bad numbers, both quantities, unknown fields) are `bad_request`; the rules
 * that depend on the order's progress are `invalid_state` (the API answers 422 for those).
 */

export const AMENDABLE_FIELDS = [
  "base_asset_qty",
  "quote_asset_qty",
  "duration",
  "pov_target",
  "limit_price",
] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

/** No amend once less than this is left before the order's end time. */
export const MIN_TIME_LEFT_MS = 15_000;
/** A new quantity or duration must stay this much above what is executed or elapsed. */
export const AMEND_HEADROOM = new Dec("1.05");
export const BOTH_QTY_MESSAGE = "Cannot update both base_asset_qty and quote_asset_qty";

/** The body's `changes`, as sent. */
export type AmendChanges = Partial<Record<AmendableField, unknown>> & Record<string, unknown>;

/** What the amend rules need of the order. */
export type AmendableOrder = Pick<
  OrderSpec,
  | "strategy"
  | "targetQty"
  | "targetUnit"
  | "startTime"
  | "endTime"
  | "limitPrice"
  | "isReverseLimitPrice"
  | "povLimit"
  | "params"
>;

export interface AmendInput {
  order: AmendableOrder;
  /** Executed so far in both units (base size, quote notional): a quantity may be amended in either. */
  executed: { base: Dec; quote: Dec };
  /** Epoch ms. */
  now: number;
  changes: unknown;
}

export interface AmendError extends FieldError {
  code: "bad_request" | "invalid_state";
}

/** Every reason `changes` cannot be applied to `order` at `now` (empty when it can). */
export function checkAmend(input: AmendInput): AmendError[] {
  return readAmend(input).errors;
}

/**
 * Apply an amend to an order and return the new spec (the engine's `amend` event carries it).
 * Throws `bad_request` when any change is malformed, else `invalid_state` when a rule refuses it;
 * the error carries every field error either way.
 */
export function amendOrder(input: Omit<AmendInput, "order"> & { order: OrderSpec }): OrderSpec {
  const { errors, amend } = readAmend(input);
  if (errors.length > 0 || !amend) {
    const code = errors.some((error) => error.code === "bad_request") ? "bad_request" : "invalid_state";
    const fieldErrors = errors.map(({ field, message }) => ({ field, message }));
    throw new AppError(code, errors.map((error) => error.message).join("; "), { fieldErrors });
  }
  const { order } = input;
  const next: OrderSpec = { ...order };
  if (amend.qty) {
    next.targetQty = amend.qty.value;
    next.targetUnit = amend.qty.unit;
  }
  if (amend.durationSeconds !== undefined) next.endTime = order.startTime + amend.durationSeconds * 1000;
  if (amend.povTarget !== undefined) next.povTarget = amend.povTarget;
  if (amend.limitPrice !== undefined) next.limitPrice = amend.limitPrice;
  return next;
}

interface ParsedAmend {
  qty?: { unit: TargetUnit; value: Dec };
  durationSeconds?: number;
  povTarget?: Dec;
  /** null clears the limit. */
  limitPrice?: Dec | null;
}

function readAmend(input: AmendInput): { errors: AmendError[]; amend: ParsedAmend | null } {
  const { order, executed, now, changes } = input;
  const errors: AmendError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field, message, code: "invalid_state" });
  const reader = new FieldReader();
  const amend: ParsedAmend = {};

  if (typeof changes !== "object" || changes === null || Array.isArray(changes)) {
    return { errors: [{ field: "changes", message: "must be an object", code: "bad_request" }], amend: null };
  }
  const entries = Object.entries(changes as Record<string, unknown>);
  if (entries.length === 0) {
    return { errors: [{ field: "changes", message: "No changes given", code: "bad_request" }], amend: null };
  }
  for (const [key] of entries) {
    if (!(AMENDABLE_FIELDS as readonly string[]).includes(key)) {
      reader.fail(`changes.${key}`, `cannot be amended; amendable: ${AMENDABLE_FIELDS.join(", ")}`);
    }
  }
  const c = changes as AmendChanges;

  // Quantity: base or quote, not both, positive, and 5% above what is executed in that unit.
  const hasBase = c.base_asset_qty !== undefined;
  const hasQuote = c.quote_asset_qty !== undefined;
  if (hasBase && hasQuote) reader.fail("changes", BOTH_QTY_MESSAGE);
  else if (hasBase || hasQuote) {
    const [name, unit] = hasBase
      ? (["base_asset_qty", "base"] as const)
      : (["quote_asset_qty", "quote"] as const);
    const field = `changes.${name}`;
    const value = toDecimal(c[name]);
    const problem = value && columnProblem(value);
    if (value === null || value.lte(ZERO)) reader.fail(field, "must be a positive number");
    else if (problem) reader.fail(field, problem);
    else {
      const minimum = executed[unit].times(AMEND_HEADROOM);
      if (value.lessThan(minimum)) {
        refuse(
          field,
          `must be at least 5% above the executed quantity (${toPlain(executed[unit])}): at least ${toPlain(minimum)}`,
        );
      } else amend.qty = { unit, value };
    }
  }

  // Duration: whole seconds, 5% above the elapsed time.
  if (c.duration !== undefined) {
    const seconds = reader.durationSeconds("changes.duration", c.duration);
    if (seconds !== undefined) {
      const elapsedMs = Math.max(0, now - order.startTime);
      if (seconds * 1000 * 100 < elapsedMs * 105) {
        const minimum = Math.ceil((elapsedMs * 105) / 100_000);
        refuse(
          "changes.duration",
          `must be at least 5% above the elapsed time (${Math.floor(elapsedMs / 1000)} s): at least ${minimum} s`,
        );
      } else amend.durationSeconds = seconds;
    }
  }

  // pov_target: (0, 1], only on a POV order, not above its pov_limit.
  if (c.pov_target !== undefined) {
    const target = reader.decimalInRange("changes.pov_target", c.pov_target, RANGES.pov_target, null);
    if (target === null) reader.fail("changes.pov_target", "must be greater than 0 and at most 1");
    else if (target) {
      if (order.strategy !== "POV") refuse("changes.pov_target", "can only be amended on a POV order");
      else if (order.povLimit && target.greaterThan(order.povLimit)) {
        refuse("changes.pov_target", `must not exceed the order's pov_limit (${toPlain(order.povLimit)})`);
      } else amend.povTarget = target;
    }
  }

  // limit_price: positive; clearing it ("" or null) only where nothing depends on it.
  if (c.limit_price !== undefined) {
    if (isAbsent(c.limit_price)) {
      const needs =
        order.strategy === "Limit"
          ? "the Limit strategy"
          : order.params.oolPause
            ? "ool_pause"
            : order.isReverseLimitPrice
              ? "is_reverse_limit_price"
              : null;
      if (needs) refuse("changes.limit_price", `cannot be removed: ${needs} needs it`);
      else amend.limitPrice = null;
    } else {
      const price = reader.limitPrice("changes.limit_price", c.limit_price);
      if (price === null) reader.fail("changes.limit_price", LIMIT_PRICE_MESSAGE);
      else if (price) amend.limitPrice = price;
    }
  }

  // Too close to the end to change anything (an order without an end time has no such limit).
  if (order.endTime !== null && order.endTime - now < MIN_TIME_LEFT_MS) {
    refuse("changes", "Cannot amend an order with less than 15 seconds left");
  }

  const all: AmendError[] = [
    ...reader.errors.map((error) => ({ ...error, code: "bad_request" as const })),
    ...errors,
  ];
  return { errors: all, amend: all.length === 0 ? amend : null };
}
