import { describe, expect, it } from "vitest";
import type { TCoreOrder, TCoreOrderDetail, TCoreOrderPage } from "@/lib/contracts/core/orders";
import type { TStreamFill, TStreamOrder, TStreamPlacement } from "@/lib/contracts/stream";
import { collectBatch, mergeOrderDetail, mergeOrderPage, type StreamMessage } from "./merge";

const T = (s: number) => new Date(Date.UTC(2026, 10, 2, 14, 0, s)).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const order = (n: number, overrides: Partial<TCoreOrder> = {}): TCoreOrder =>
  ({
    id: id(n),
    pair: "BTC-USDT",
    side: "buy",
    status: "ACTIVE",
    active: true,
    executed_qty: 0,
    target_executed_qty: 0,
    executed_buy_qty: 0,
    executed_notional: 0,
    target_order_qty: 0.1,
    target_remaining_qty: 0.1,
    pct_filled: "0.00",
    average_executed_price: null,
    total_fee: 0,
    fee_asset: null,
    exchanges: ["sim"],
    is_simple: false,
    updated_at: T(0),
    ...overrides,
  }) as TCoreOrder;

const page = (orders: TCoreOrder[]): TCoreOrderPage => ({
  orders,
  page_number: 1,
  page_size: 1000,
  num_pages: 1,
  order_count: orders.length,
});

const orderEvent = (n: number, overrides: Partial<TStreamOrder> = {}): StreamMessage => ({
  event: "order",
  data: {
    id: id(n),
    status: "ACTIVE",
    executed_qty: "0.04",
    executed_base: "0.04",
    executed_notional: "3600",
    target_order_qty: "0.1",
    pct_filled: "40.00",
    average_executed_price: "90000",
    total_fee: "0.72",
    fee_asset: "USDT",
    updated_at: T(5),
    ...overrides,
  },
});

const placementEvent = (n: number, overrides: Partial<TStreamPlacement> = {}): StreamMessage => ({
  event: "placement",
  data: {
    id: id(100 + n),
    order_id: id(1),
    client_id: `c${n}`,
    status: "OPEN",
    side: "buy",
    price: "89990",
    qty: "0.02",
    filled_qty: "0",
    placement_type: "MAKE",
    sub_status: null,
    ...overrides,
  },
});

const fillEvent = (n: number, placement: number, overrides: Partial<TStreamFill> = {}): StreamMessage => ({
  event: "fill",
  data: {
    id: id(200 + n),
    order_id: id(1),
    placement_id: id(100 + placement),
    pair: "BTC-USDT",
    side: "buy",
    role: "MAKE",
    executed_price: "89990",
    executed_qty: "0.01",
    executed_notional: "899.9",
    fee: "0.18",
    fee_asset: "USDT",
    fill_time: T(4),
    external_id: `x${n}`,
    ...overrides,
  },
});

describe("live merge: order pages", () => {
  it("replaces only the rows an event touches, keeping the others' identity", () => {
    const rows = [order(1), order(2), order(3)];
    const merged = mergeOrderPage(page(rows), collectBatch([orderEvent(2)]), { dropFinished: true });
    expect(merged.page.orders[0]).toBe(rows[0]);
    expect(merged.page.orders[2]).toBe(rows[2]);
    expect(merged.page.orders[1]).toMatchObject({
      executed_qty: "0.04",
      pct_filled: "40.00",
      average_executed_price: "90000",
      target_remaining_qty: "0.06",
      executed_buy_qty: "0.04",
      updated_at: T(5),
    });
    expect(merged.unknown).toEqual([]);
  });

  it("keeps the last state of an order within a batch and never goes back in time", () => {
    const rows = [order(1, { updated_at: T(10), pct_filled: "50.00" })];
    const stale = mergeOrderPage(page(rows), collectBatch([orderEvent(1)]), { dropFinished: true });
    expect(stale.page.orders[0]).toBe(rows[0]);

    const batch = collectBatch([
      orderEvent(1, { updated_at: T(12), pct_filled: "60.00" }),
      orderEvent(1, { updated_at: T(11), pct_filled: "55.00" }),
    ]);
    const merged = mergeOrderPage(page(rows), batch, { dropFinished: true });
    expect(merged.page.orders[0]!.pct_filled).toBe("60.00");
  });

  it("drops finished orders from the active list, reports status changes and unknown new orders", () => {
    const rows = [order(1), order(2, { status: "PAUSED", active: false })];
    const batch = collectBatch([
      orderEvent(1, { status: "COMPLETE", pct_filled: "100.00" }),
      orderEvent(2, { status: "ACTIVE" }),
      orderEvent(9),
      orderEvent(8, { status: "CANCELED" }),
    ]);
    const active = mergeOrderPage(page(rows), batch, { dropFinished: true });
    expect(active.page.orders.map((o) => o.id)).toEqual([id(2)]);
    expect(active.page.order_count).toBe(1);
    expect(active.statusChanged.sort()).toEqual([id(1), id(2)]);
    expect(active.unknown).toEqual([id(9)]);

    const history = mergeOrderPage(page(rows), batch, { dropFinished: false });
    expect(history.page.orders.map((o) => o.status)).toEqual(["COMPLETE", "ACTIVE"]);
  });

  it("returns the page itself when nothing in the batch is about its orders", () => {
    const p = page([order(1)]);
    const batch = collectBatch([fillEvent(1, 1)]);
    expect(mergeOrderPage(p, batch, { dropFinished: true }).page).toBe(p);
  });
});

describe("live merge: order detail", () => {
  const detail = (): TCoreOrderDetail =>
    ({
      ...order(1),
      executed_price: null,
      remaining_qty: 0.1,
      placements: [],
      messages: [],
      fills: [],
    }) as unknown as TCoreOrderDetail;

  it("adds placements and their fills, once, and updates the order's figures", () => {
    const batch = collectBatch([
      placementEvent(1),
      fillEvent(1, 1),
      placementEvent(1, { filled_qty: "0.01" }),
      orderEvent(1, { executed_qty: "0.01", executed_base: "0.01", average_executed_price: "89990" }),
    ]);
    const first = mergeOrderDetail(detail(), batch);
    expect(first.incomplete).toBe(false);
    expect(first.detail.placements).toHaveLength(1);
    expect(first.detail.placements[0]).toMatchObject({
      id: id(101),
      status: "ACTIVE",
      executed_qty: "0.01",
      placement_type: "MAKE",
      exchange: "sim",
    });
    expect(first.detail.placements[0]!.fills).toHaveLength(1);
    expect(first.detail.fills).toHaveLength(1);
    expect(first.detail.executed_price).toBe("89990");
    expect(first.detail.remaining_qty).toBe("0.09");

    // The same fill again (a reconnect replays nothing, but a refetch may race an event): no duplicate.
    const again = mergeOrderDetail(first.detail, collectBatch([fillEvent(1, 1)]));
    expect(again.detail.placements[0]!.fills).toHaveLength(1);
    expect(again.detail.fills).toHaveLength(1);

    const filled = mergeOrderDetail(
      again.detail,
      collectBatch([placementEvent(1, { status: "FILLED", filled_qty: "0.02" })]),
    );
    expect(filled.detail.placements[0]).toMatchObject({ status: "COMPLETE", filled: true });
    expect(filled.detail.placements[0]!.fills).toHaveLength(1);
  });

  it("flags a fill of a placement it does not know, and ignores other orders' events", () => {
    const d = detail();
    const other = mergeOrderDetail(d, collectBatch([orderEvent(2), fillEvent(5, 5, { order_id: id(2) })]));
    expect(other.detail).toBe(d);
    const orphan = mergeOrderDetail(d, collectBatch([fillEvent(3, 7)]));
    expect(orphan.incomplete).toBe(true);
    expect(orphan.detail.fills).toHaveLength(1);
  });

  it("reports a status change", () => {
    const merged = mergeOrderDetail(detail(), collectBatch([orderEvent(1, { status: "PAUSED" })]));
    expect(merged.statusChanged).toBe(true);
    expect(merged.detail).toMatchObject({ status: "PAUSED", active: false });
  });
});
