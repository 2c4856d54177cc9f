import { AppError, type FieldError } from "@/lib/domain/shared/errors";
import { validateOrderRequest } from "@/lib/domain/orders/params";
import { tryParsePair } from "@/lib/domain/orders/quantity";
import { isAbsent } from "@/lib/domain/orders/request-values";
import { strategyById } from "@/lib/contracts/core/strategies";
import type { SubmitOrderInput } from "../../services/orders/submit-order";

/**
 * POST /api/orders/ in the Core Order API's terms, before the shared submit service sees it: the
 * documented "Missing required fields" answer, strategy UUIDs, and the fields Tranche cannot honour
 * refused rather than silently dropped. Every field error of the body is reported at once.
 */

/** In the order the docs list them. */
const REQUIRED = ["pair", "accounts", "side", "duration", "strategy"] as const;

/** Python's repr of a list of strings, as the docs' messages show lists. */
export const pyList = (items: readonly string[]): string =>
  `[${items.map((item) => `'${item}'`).join(", ")}]`;

export function coreSubmitInput(body: Record<string, unknown>, now: number): SubmitOrderInput {
  const povGiven = !isAbsent(body.pov_target);
  const missing = REQUIRED.filter((field) => {
    if (povGiven && (field === "duration" || field === "strategy")) return false;
    const value = body[field];
    return isAbsent(value) || (Array.isArray(value) && value.length === 0);
  });
  if (missing.length > 0) {
    throw new AppError("bad_request", `Missing required fields: ${pyList(missing)}`, {
      fieldErrors: missing.map((field) => ({ field, message: "is required" })),
      details: { reason: "missing_fields" },
    });
  }

  const input: SubmitOrderInput = { ...body };
  if (typeof body.strategy === "string") input.strategy = strategyById(body.strategy.trim()) ?? body.strategy;

  const errors: FieldError[] = validateOrderRequest(input, { now }).errors.map((error) =>
    // The docs' answer to a malformed pair names the token it could not read.
    error.field === "pair" && typeof body.pair === "string" && !tryParsePair(body.pair)
      ? { field: "pair", message: `Invalid buy_token ${body.pair}` }
      : error,
  );
  if (!isAbsent(body.pos_side) && !["long", "short"].includes(String(body.pos_side).toLowerCase())) {
    errors.push({ field: "pos_side", message: "must be long or short" });
  }
  if (!isAbsent(body.stop_price) && Number(body.stop_price) !== -1) {
    errors.push({ field: "stop_price", message: "stop orders are not supported" });
  }
  if (!isAbsent(body.updated_leverage)) {
    errors.push({ field: "updated_leverage", message: "leverage cannot be set on spot accounts" });
  }
  if (!isAbsent(body.super_strategy)) {
    errors.push({
      field: "super_strategy",
      message: `Invalid super_strategy: ${String(body.super_strategy)}`,
    });
  }
  if (errors.length > 0) {
    throw new AppError("bad_request", errors.map((error) => `${error.field}: ${error.message}`).join("; "), {
      fieldErrors: errors,
    });
  }
  return input;
}
