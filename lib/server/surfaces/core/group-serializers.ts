import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import type { TCoreChainedOrder, TCoreMultiOrder } from "@/lib/contracts/core/multi-orders";
import type { MultiOrderBundle } from "../../services/multi-orders/get-multi-order";
import type { ChainBundle } from "../../services/chains/get-chained-order";
import { isOrderFullyFilled } from "../../services/orders/is-order-fully-filled";
import { coreOrder } from "./serializers";
import { coreStatus } from "./status";
import { decNumber } from "./values";

const ENDED = ["complete", "canceled", "failed"];

/** The group's status from its legs' canonical statuses. */
function groupStatus(statuses: string[]): string {
  if (statuses.length === 0) return "SCHEDULED";
  if (statuses.some((s) => s === "failed")) return "FAILED";
  if (statuses.every((s) => s === "complete")) return "COMPLETE";
  if (statuses.every((s) => ENDED.includes(s))) return "CANCELED";
  if (statuses.some((s) => s === "paused")) return "PAUSED";
  if (statuses.some((s) => ["active", "finishing", "cancel_pending", "pending"].includes(s))) return "ACTIVE";
  return "SCHEDULED";
}

const progress = (bundle: MultiOrderBundle["legs"][number]) => {
  const target = new Dec(bundle.order.targetQty.toString());
  const executed = new Dec(
    (bundle.order.targetUnit === "quote" ? bundle.order.executedQuote : bundle.order.executedBase).toString(),
  );
  return target.gt(0) ? Dec.min(executed.div(target), 1) : ZERO;
};

/** A multi-order as GET /api/multi_order/{id} shows it (legs in full with include_child_orders). */
export function coreMultiOrder(
  { multi, legs }: MultiOrderBundle,
  options: { includeChildOrders: boolean },
): TCoreMultiOrder {
  const first = legs[0]?.order;
  const params = (multi.params ?? {}) as Record<string, unknown>;
  const statuses = legs.map((leg) => leg.order.status);
  let signed = ZERO;
  let executed = ZERO;
  for (const leg of legs) {
    const notional = new Dec(leg.order.executedQuote.toString());
    executed = executed.add(notional);
    signed = leg.order.side === "buy" ? signed.add(notional) : signed.sub(notional);
  }
  const pct =
    legs.length > 0
      ? legs
          .reduce((sum, leg) => sum.add(progress(leg)), ZERO)
          .div(legs.length)
          .mul(100)
      : ZERO;
  const status = groupStatus(statuses);
  const tokens = legs.map((leg) =>
    leg.order.side === "buy"
      ? [leg.order.baseAsset, leg.order.quoteAsset]
      : [leg.order.quoteAsset, leg.order.baseAsset],
  );
  return {
    id: multi.id,
    created_at: multi.createdAt.toISOString(),
    updated_at: multi.updatedAt.toISOString(),
    start_datetime: first?.timeStart?.toISOString() ?? first?.startAt?.toISOString() ?? null,
    duration: first?.duration ?? null,
    exposure_tolerance: new Dec(multi.exposureTolerance.toString()).toFixed(),
    notional_exposure: decNumber(signed.abs()),
    executed_notional: decNumber(executed),
    is_active: status === "ACTIVE",
    child_order_ids: legs.map((leg) => leg.order.id),
    strategy: first?.strategy ?? String(params.strategy ?? ""),
    strategy_params: (first?.strategyParams ?? {}) as Record<string, unknown>,
    engine_passiveness: first ? new Dec(first.enginePassiveness.toString()).toFixed() : "0",
    schedule_discretion: first ? new Dec(first.scheduleDiscretion.toString()).toFixed() : "0",
    alpha_tilt: first ? new Dec(first.alphaTilt.toString()).toFixed() : "0",
    pov_limit: first?.povLimit ? new Dec(first.povLimit.toString()).toFixed() : null,
    limit_price_spread: null,
    order_condition: first?.orderCondition ?? null,
    order_condition_vars: (first?.orderConditionVars ?? {}) as Record<string, unknown>,
    order_condition_expiry: first?.orderConditionExpiry?.toISOString() ?? null,
    user: multi.userId,
    status,
    failure_reason: legs.map((leg) => leg.order.failureReason).find((reason) => reason) ?? "",
    completely_filled: legs.length > 0 && legs.every((leg) => isOrderFullyFilled(leg.order)),
    is_paused: statuses.some((s) => s === "paused"),
    pct_filled: Number(pct.toDecimalPlaces(2).toFixed(2)),
    account_names: [...new Set(legs.flatMap((leg) => leg.accounts.map((a) => a.name)))],
    pairs: legs.map((leg) => leg.order.pair).join(","),
    calculated_status: status,
    sell_token_amount: legs.map((leg) => new Dec(leg.order.qtyValue.toString()).toFixed()).join(", "),
    buy_token: tokens.map((t) => t[0]).join(", "),
    sell_token: tokens.map((t) => t[1]).join(", "),
    custom_order_id: multi.customOrderId,
    ...(options.includeChildOrders ? { child_orders: legs.map(coreOrder) } : {}),
  };
}

/** A chained order with its orders by priority. */
export function coreChainedOrder({ chain, steps }: ChainBundle): TCoreChainedOrder {
  const statuses = steps.map((s) => s.bundle.order.status);
  const stopped = steps.find((s) => s.bundle.order.failureReason.startsWith("Chain stopped"));
  const status: TCoreChainedOrder["status"] = stopped
    ? "STOPPED"
    : statuses.every((s) => s === "complete")
      ? "COMPLETE"
      : statuses.every((s) => ENDED.includes(s))
        ? "CANCELED"
        : "RUNNING";
  return {
    id: chain.id,
    status,
    stop_reason: stopped?.bundle.order.failureReason ?? "",
    created_at: chain.createdAt.toISOString(),
    orders: steps.map((step) => ({
      ...coreOrder(step.bundle),
      priority: step.priority,
      status: coreStatus(step.bundle.order.status),
    })),
  };
}
