import "server-only";
import { AppError, type FieldError } from "@/lib/domain/shared/errors";
import { db, type Prisma } from "../../db";
import { publishOrders } from "../../events/publish-orders";
import { prepareOrder, type SubmitOrderInput } from "../orders/submit-order";

/**
 * Submit a chained order: `orders_in_chain: [{order_request, priority}]`. Orders of the lowest
 * priority start at once; each later batch starts when every earlier order is fully filled; an
 * order that ends without being fully filled stops the chain (the engine cancels the rest).
 * Chained orders carry no conditions of their own (the product documents this).
 */
export async function submitChainedOrder({
  userId,
  input,
  now = Date.now(),
}: {
  userId: string;
  input: Record<string, unknown>;
  now?: number;
}) {
  const steps = input.orders_in_chain;
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new AppError("bad_request", "orders_in_chain: at least one order is required", {
      fieldErrors: [{ field: "orders_in_chain", message: "at least one order is required" }],
    });
  }
  if (steps.length > 50) {
    throw new AppError("bad_request", "orders_in_chain: at most 50 orders", {
      fieldErrors: [{ field: "orders_in_chain", message: "at most 50 orders" }],
    });
  }
  const errors: FieldError[] = [];
  const parsed: { request: SubmitOrderInput; priority: number }[] = [];
  for (const [index, step] of steps.entries()) {
    const entry = step as { order_request?: unknown; priority?: unknown } | null;
    if (
      !entry ||
      typeof entry !== "object" ||
      !entry.order_request ||
      typeof entry.order_request !== "object"
    ) {
      errors.push({ field: `orders_in_chain.${index}.order_request`, message: "is required" });
      continue;
    }
    const priority = entry.priority === undefined ? 1 : Number(entry.priority);
    if (!Number.isInteger(priority) || priority < 0) {
      errors.push({ field: `orders_in_chain.${index}.priority`, message: "must be a non-negative integer" });
      continue;
    }
    const request = entry.order_request as SubmitOrderInput;
    if (
      request.order_condition !== undefined &&
      request.order_condition !== null &&
      request.order_condition !== ""
    ) {
      errors.push({
        field: `orders_in_chain.${index}.order_request.order_condition`,
        message: "chained orders do not support conditions",
      });
      continue;
    }
    parsed.push({ request, priority });
  }
  const first = Math.min(...parsed.map((p) => p.priority));
  const prepared: { data: Prisma.OrderUncheckedCreateInput; priority: number }[] = [];
  for (const [index, step] of parsed.entries()) {
    try {
      const data = await prepareOrder({
        userId,
        input: step.request,
        now,
        source: "chained order",
        link: { chainPriority: step.priority, waitForChain: step.priority > first },
      });
      prepared.push({ data, priority: step.priority });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields =
        error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: "(order)", message: error.message }];
      for (const f of fields)
        errors.push({ field: `orders_in_chain.${index}.order_request.${f.field}`, message: f.message });
    }
  }
  if (errors.length > 0) {
    throw new AppError("bad_request", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
      fieldErrors: errors,
    });
  }
  const prisma = await db();
  const created = await prisma.$transaction(async (tx) => {
    const chain = await tx.orderChain.create({ data: { userId } });
    for (const step of prepared) await tx.order.create({ data: { ...step.data, chainId: chain.id } });
    return tx.orderChain.findUniqueOrThrow({
      where: { id: chain.id },
      include: { orders: { orderBy: [{ chainPriority: "asc" }, { createdAt: "asc" }] } },
    });
  });
  await publishOrders(
    prisma,
    created.orders.map((o) => o.id),
  );
  return created;
}
