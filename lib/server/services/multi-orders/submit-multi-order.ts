import "server-only";
import { AppError, type FieldError } from "@/lib/domain/shared/errors";
import { Dec, FRACTION_COLUMN, columnProblem } from "@/lib/domain/shared/decimal";
import { toDecimal } from "@/lib/domain/orders/request-values";
import { db, type Prisma } from "../../db";
import { publishOrders } from "../../events/publish-orders";
import { prepareOrder, type SubmitOrderInput } from "../orders/submit-order";

/** The default exposure tolerance (the product's documented default: 9%). */
export const DEFAULT_EXPOSURE_TOLERANCE = "0.09";

/** Fields a leg inherits from the multi-order unless it sets its own. */
const SHARED_FIELDS = [
  "accounts",
  "strategy",
  "duration",
  "start_datetime",
  "engine_passiveness",
  "schedule_discretion",
  "alpha_tilt",
  "pov_limit",
  "pov_target",
  "strategy_params",
  "order_condition",
  "order_condition_vars",
  "order_condition_expiry",
  "notes",
] as const;

export interface MultiOrderInput extends Record<string, unknown> {
  child_orders?: unknown;
  exposure_tolerance?: unknown;
  custom_order_id?: unknown;
}

/**
 * Submit a multi-order: two or more legs (pair, side, quantity each) sharing the strategy and its
 * parameters, worked together so that no leg's progress runs ahead of the slowest by more than
 * `exposure_tolerance`. Every leg is validated first; then all are created in one transaction.
 */
export async function submitMultiOrder({
  userId,
  input,
  now = Date.now(),
  adaptLeg = (leg) => leg,
}: {
  userId: string;
  input: MultiOrderInput;
  now?: number;
  /** A surface's own reading of a leg (the Core Order API's required fields and wording). */
  adaptLeg?: (leg: SubmitOrderInput, now: number) => SubmitOrderInput;
}) {
  const legs = input.child_orders;
  if (!Array.isArray(legs) || legs.length < 2) {
    throw new AppError("bad_request", "child_orders: a multi-order needs at least two child orders", {
      fieldErrors: [{ field: "child_orders", message: "a multi-order needs at least two child orders" }],
    });
  }
  if (legs.length > 20) {
    throw new AppError("bad_request", "child_orders: at most 20 child orders", {
      fieldErrors: [{ field: "child_orders", message: "at most 20 child orders" }],
    });
  }
  const tolerance = readTolerance(input.exposure_tolerance);
  const prepared: Prisma.OrderUncheckedCreateInput[] = [];
  const errors: FieldError[] = [];
  for (const [index, leg] of legs.entries()) {
    if (!leg || typeof leg !== "object" || Array.isArray(leg)) {
      errors.push({ field: `child_orders.${index}`, message: "must be an object" });
      continue;
    }
    const merged: SubmitOrderInput = { ...pick(input, SHARED_FIELDS), ...(leg as Record<string, unknown>) };
    try {
      prepared.push(await prepareOrder({ userId, input: adaptLeg(merged, now), now, source: "multi-order" }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields =
        error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: "(leg)", message: error.message }];
      for (const f of fields) errors.push({ field: `child_orders.${index}.${f.field}`, message: f.message });
    }
  }
  if (errors.length > 0) {
    throw new AppError("bad_request", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
      fieldErrors: errors,
    });
  }
  const prisma = await db();
  const created = await prisma.$transaction(async (tx) => {
    const multi = await tx.multiOrder.create({
      data: {
        userId,
        exposureTolerance: tolerance.toFixed(),
        customOrderId: typeof input.custom_order_id === "string" ? input.custom_order_id.slice(0, 64) : "",
        params: pick(input, SHARED_FIELDS) as Prisma.InputJsonObject,
      },
    });
    for (const leg of prepared) await tx.order.create({ data: { ...leg, parentOrderId: multi.id } });
    return tx.multiOrder.findUniqueOrThrow({ where: { id: multi.id }, include: { orders: true } });
  });
  await publishOrders(
    prisma,
    created.orders.map((o) => o.id),
  );
  return created;
}

function readTolerance(raw: unknown): Dec {
  if (raw === undefined || raw === null || raw === "") return new Dec(DEFAULT_EXPOSURE_TOLERANCE);
  const value = toDecimal(raw);
  if (!value || value.lte(0) || value.gt(1) || columnProblem(value, FRACTION_COLUMN)) {
    throw new AppError(
      "bad_request",
      "exposure_tolerance: must be a decimal in (0, 1] with at most 6 decimal places",
      {
        fieldErrors: [
          {
            field: "exposure_tolerance",
            message: "must be a decimal in (0, 1] with at most 6 decimal places",
          },
        ],
      },
    );
  }
  return value;
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
