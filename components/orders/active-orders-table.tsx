"use client";

import { useEffect, useRef } from "react";
import type { TCoreOrder } from "@/lib/contracts/core/orders";
import type { TOrderBenchmark } from "@/lib/contracts/market";
import { ActiveOrderRow, ROW_HEIGHT } from "./active-order-row";
import { useWindowedRows } from "./use-windowed-rows";

const HEADER_HEIGHT = 40;
/** The table is this many rows tall at least (its skeleton too) and scrolls beyond this many. */
export const MIN_VISIBLE_ROWS = 6;
const MAX_VISIBLE_ROWS = 14;

/** Height of the table's box for `count` rows: fixed while loading and for short lists. */
export const tableHeight = (count: number) =>
  HEADER_HEIGHT + ROW_HEIGHT * Math.min(MAX_VISIBLE_ROWS, Math.max(MIN_VISIBLE_ROWS, count));

const COLUMNS: { label: string; width: number; align?: "right" }[] = [
  { label: "Order", width: 88 },
  { label: "Pair", width: 96 },
  { label: "Side", width: 48 },
  { label: "Strategy", width: 88 },
  { label: "Status", width: 108 },
  { label: "Progress", width: 144 },
  { label: "Executed / target", width: 176, align: "right" },
  { label: "Avg price", width: 100, align: "right" },
  { label: "Slippage vs arrival", width: 132, align: "right" },
  { label: "Time left", width: 104, align: "right" },
  { label: "Account", width: 88 },
];
export const TABLE_MIN_WIDTH = 40 + COLUMNS.reduce((sum, c) => sum + c.width, 0);

/**
 * The active orders, windowed: only the rows in view are in the DOM. The header stays put while the
 * body scrolls; on a narrow screen the whole table scrolls sideways.
 */
export function ActiveOrdersTable({
  orders,
  benchmarks,
  selected,
  onToggle,
  onToggleAll,
}: {
  orders: TCoreOrder[];
  benchmarks: Map<string, TOrderBenchmark> | undefined;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
}) {
  const { containerRef, onScroll, start, end, padTop, padBottom } = useWindowedRows({
    count: orders.length,
    rowHeight: ROW_HEIGHT,
  });
  const selectedShown = orders.reduce((n, order) => n + (selected.has(order.id) ? 1 : 0), 0);
  const all = orders.length > 0 && selectedShown === orders.length;
  const some = selectedShown > 0 && !all;
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = some;
  }, [some]);

  return (
    <div
      ref={containerRef}
      onScroll={onScroll}
      style={{ height: tableHeight(orders.length) }}
      className="overflow-auto rounded-md border border-border"
      tabIndex={0}
      role="region"
      aria-label="Active orders, scrollable"
    >
      <table
        aria-label="Active orders"
        aria-rowcount={orders.length + 1}
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
        style={{ minWidth: TABLE_MIN_WIDTH }}
      >
        <colgroup>
          <col style={{ width: 40 }} />
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-panel-2 text-left text-xs text-muted">
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            <th scope="col" className="border-b border-border px-2">
              <input
                ref={headerBox}
                type="checkbox"
                className="h-4 w-4 accent-[var(--accent)]"
                aria-label="Select all shown orders"
                checked={all}
                disabled={orders.length === 0}
                onChange={() => onToggleAll(!all)}
              />
            </th>
            {COLUMNS.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={`border-b border-border px-2 font-medium whitespace-nowrap ${c.align === "right" ? "text-right" : ""}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden style={{ height: padTop }}>
              <td colSpan={COLUMNS.length + 1} />
            </tr>
          ) : null}
          {orders.slice(start, end).map((order, i) => (
            <ActiveOrderRow
              key={order.id}
              order={order}
              benchmark={benchmarks?.get(order.id)}
              selected={selected.has(order.id)}
              onToggle={onToggle}
              rowIndex={start + i + 2}
            />
          ))}
          {padBottom > 0 ? (
            <tr aria-hidden style={{ height: padBottom }}>
              <td colSpan={COLUMNS.length + 1} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
