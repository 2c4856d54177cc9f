import type {
  TCoreFill,
  TCoreOrder,
  TCoreOrderDetail,
  TCoreOrderPage,
  TCorePlacement,
  TCoreStatus,
} from "@/lib/contracts/core/orders";
import type { TStreamFill, TStreamOrder, TStreamPlacement } from "@/lib/contracts/stream";
import { remainingDecimal } from "./decimal-text";

/**
 * How live events change what the dashboard has cached: pure functions from (cached answer, batch)
 * to the next answer. Only the rows an event touches get new objects, so memoized rows of untouched
 * orders do not re-render; an answer nothing touched is returned as is.
 */

export type StreamMessage =
  | { event: "order"; data: TStreamOrder }
  | { event: "placement"; data: TStreamPlacement }
  | { event: "fill"; data: TStreamFill }
  | { event: "rfq_order"; data: { id: string } };

/** The events of one animation frame, folded: the last state of each order and placement, every fill. */
export interface StreamBatch {
  orders: Map<string, TStreamOrder>;
  placements: Map<string, TStreamPlacement>;
  fills: TStreamFill[];
  /** Orders any event of the batch is about. */
  touched: Set<string>;
  /** RFQ desk orders that changed (the desk's lists are refetched). */
  rfqOrders: Set<string>;
}

export const UNFINISHED_STATUSES: readonly TCoreStatus[] = ["SCHEDULED", "ACTIVE", "PAUSED", "FINISHER"];
export const isUnfinished = (status: string) => (UNFINISHED_STATUSES as readonly string[]).includes(status);

export function collectBatch(messages: readonly StreamMessage[]): StreamBatch {
  const batch: StreamBatch = {
    orders: new Map(),
    placements: new Map(),
    fills: [],
    touched: new Set(),
    rfqOrders: new Set(),
  };
  for (const message of messages) {
    switch (message.event) {
      case "rfq_order":
        batch.rfqOrders.add(message.data.id);
        break;
      case "order": {
        const previous = batch.orders.get(message.data.id);
        if (!previous || previous.updated_at <= message.data.updated_at)
          batch.orders.set(message.data.id, message.data);
        batch.touched.add(message.data.id);
        break;
      }
      case "placement":
        batch.placements.set(message.data.id, message.data);
        batch.touched.add(message.data.order_id);
        break;
      case "fill":
        batch.fills.push(message.data);
        batch.touched.add(message.data.order_id);
        break;
    }
  }
  return batch;
}

/** The order fields an `order` event carries, applied to a listed order (or its detail). */
export function applyOrderEvent<T extends TCoreOrder>(order: T, event: TStreamOrder): T {
  // A refetch may already hold a newer state than a late event.
  if (event.updated_at < order.updated_at) return order;
  const executedBuy = order.side === "buy" ? event.executed_base : event.executed_notional;
  return {
    ...order,
    status: event.status as TCoreStatus,
    active: event.status === "ACTIVE" || event.status === "FINISHER",
    executed_qty: event.executed_qty,
    target_executed_qty: event.executed_qty,
    executed_buy_qty: executedBuy,
    executed_notional: event.executed_notional,
    target_order_qty: event.target_order_qty,
    target_remaining_qty:
      remainingDecimal(event.target_order_qty, event.executed_qty) ?? order.target_remaining_qty,
    pct_filled: event.pct_filled,
    average_executed_price: event.average_executed_price,
    total_fee: event.total_fee,
    fee_asset: event.fee_asset,
    updated_at: event.updated_at,
  };
}

export interface PageMerge {
  page: TCoreOrderPage;
  /** Unfinished orders the page does not list yet (new ones): refetch to get their full rows. */
  unknown: string[];
  /** Orders whose status changed in this batch. */
  statusChanged: string[];
}

/**
 * Apply order events to a page of orders. With `dropFinished` (the active-orders list) an order that
 * completes, is canceled or fails leaves the page.
 */
export function mergeOrderPage(
  page: TCoreOrderPage,
  batch: StreamBatch,
  { dropFinished }: { dropFinished: boolean },
): PageMerge {
  const unknown: string[] = [];
  const statusChanged: string[] = [];
  if (batch.orders.size === 0) return { page, unknown, statusChanged };
  const seen = new Set<string>();
  let changed = false;
  const orders: TCoreOrder[] = [];
  for (const order of page.orders) {
    const event = batch.orders.get(order.id);
    if (!event) {
      orders.push(order);
      continue;
    }
    seen.add(order.id);
    const next = applyOrderEvent(order, event);
    if (next === order) {
      orders.push(order);
      continue;
    }
    changed = true;
    if (next.status !== order.status) statusChanged.push(order.id);
    if (dropFinished && !isUnfinished(next.status)) continue;
    orders.push(next);
  }
  for (const [id, event] of batch.orders) if (!seen.has(id) && isUnfinished(event.status)) unknown.push(id);
  if (!changed) return { page, unknown, statusChanged };
  const removed = page.orders.length - orders.length;
  return {
    page: { ...page, orders, order_count: Math.max(0, page.order_count - removed) },
    unknown,
    statusChanged,
  };
}

const PLACEMENT_STATUS: Record<string, TCorePlacement["status"]> = {
  OPEN: "ACTIVE",
  FILLED: "COMPLETE",
  CANCELED: "CANCELED",
  REJECTED: "FAILED",
};

function placementFromEvent(
  event: TStreamPlacement,
  previous: TCorePlacement | undefined,
  detail: TCoreOrderDetail,
  now: string,
): TCorePlacement {
  const status = PLACEMENT_STATUS[event.status] ?? previous?.status ?? "ACTIVE";
  return {
    id: event.id,
    created_at: previous?.created_at ?? now,
    order: event.order_id,
    placement_type: event.placement_type === "TAKE" ? "TAKE" : "MAKE",
    price: event.price,
    qty: event.qty,
    executed_qty: event.filled_qty,
    exchange: previous?.exchange ?? detail.exchanges[0] ?? "sim",
    fills: previous?.fills ?? [],
    passiveness: previous?.passiveness ?? null,
    filled: status === "COMPLETE",
    external_id: previous?.external_id ?? null,
    status,
    sub_status: event.sub_status,
    is_cross: previous?.is_cross ?? false,
    is_simple: previous?.is_simple ?? detail.is_simple,
    contract_value: previous?.contract_value ?? "1",
  };
}

/** Fills of the detail's `fills` list carry no id: they are told apart by what they are. */
const fillKey = (fill: Pick<TCoreFill, "placement_id" | "fill_time" | "executed_price" | "executed_qty">) =>
  `${fill.placement_id}|${fill.fill_time}|${fill.executed_price}|${fill.executed_qty}`;

export interface DetailMerge {
  detail: TCoreOrderDetail;
  /** Something in the batch could not be placed (a fill of a placement the detail does not know). */
  incomplete: boolean;
  statusChanged: boolean;
}

/** Apply one order's events (its state, placements and fills) to its detail. */
export function mergeOrderDetail(
  detail: TCoreOrderDetail,
  batch: StreamBatch,
  now = new Date().toISOString(),
): DetailMerge {
  if (!batch.touched.has(detail.id)) return { detail, incomplete: false, statusChanged: false };
  let next = detail;
  let incomplete = false;
  const orderEvent = batch.orders.get(detail.id);
  if (orderEvent) {
    const applied = applyOrderEvent(next, orderEvent);
    if (applied !== next)
      next = {
        ...applied,
        executed_price: orderEvent.average_executed_price,
        remaining_qty: applied.target_remaining_qty,
      };
  }

  const placementEvents = [...batch.placements.values()].filter((p) => p.order_id === detail.id);
  const fills = batch.fills.filter((fill) => fill.order_id === detail.id);
  if (placementEvents.length > 0 || fills.length > 0) {
    const placements = [...next.placements];
    const index = new Map(placements.map((p, i) => [p.id, i]));
    for (const event of placementEvents) {
      const at = index.get(event.id);
      const updated = placementFromEvent(event, at === undefined ? undefined : placements[at], next, now);
      if (at === undefined) {
        index.set(event.id, placements.length);
        placements.push(updated);
      } else placements[at] = updated;
    }
    const detailFills = next.fills ? [...next.fills] : undefined;
    const known = new Set(detailFills?.map(fillKey));
    for (const fill of fills) {
      const at = index.get(fill.placement_id);
      if (at === undefined) incomplete = true;
      else {
        const placement = placements[at]!;
        if (!placement.fills.some((f) => f.id === fill.id)) {
          placements[at] = {
            ...placement,
            fills: [
              ...placement.fills,
              {
                id: fill.id,
                created_at: fill.fill_time,
                fill_time: fill.fill_time,
                role: fill.role === "TAKE" ? "TAKE" : "MAKE",
                external_id: fill.external_id,
                executed_price: fill.executed_price,
                executed_qty: fill.executed_qty,
                executed_notional: fill.executed_notional,
                exchange: placement.exchange,
                fee: fill.fee,
                fee_asset: fill.fee_asset,
              },
            ],
          };
        }
      }
      if (detailFills) {
        const entry: TCoreFill = {
          placement_id: fill.placement_id,
          exchange: at === undefined ? (next.exchanges[0] ?? "sim") : placements[at]!.exchange,
          role: fill.role,
          executed_price: fill.executed_price,
          executed_qty: fill.executed_qty,
          executed_notional: fill.executed_notional,
          fee: fill.fee,
          fee_asset: fill.fee_asset,
          fill_time: fill.fill_time,
        };
        const key = fillKey(entry);
        if (!known.has(key)) {
          known.add(key);
          detailFills.push(entry);
        }
      }
    }
    next = { ...next, placements, ...(detailFills ? { fills: detailFills } : {}) };
  }
  return { detail: next, incomplete, statusChanged: next.status !== detail.status };
}
