"use client";

import Link from "next/link";
import { memo } from "react";
import type { TCoreOrder } from "@/lib/contracts/core/orders";
import type { TOrderBenchmark } from "@/lib/contracts/market";
import { formatBps, formatPrice, formatQty, shortId, slippageBps } from "./format";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import { TimeLeft } from "./time-left";

/** Every row is exactly this tall (the window arithmetic and the skeletons rely on it). */
export const ROW_HEIGHT = 44;

const CELL = "h-11 border-b border-border px-2 whitespace-nowrap overflow-hidden text-ellipsis";

/**
 * One active order. Memoized on the order object: the live merge gives an order a new object only
 * when an event touched it, so a fill re-renders its own row and no other.
 */
export const ActiveOrderRow = memo(function ActiveOrderRow({
  order,
  benchmark,
  selected,
  onToggle,
  rowIndex,
}: {
  order: TCoreOrder;
  benchmark: TOrderBenchmark | undefined;
  selected: boolean;
  onToggle: (id: string) => void;
  rowIndex: number;
}) {
  const id = shortId(order.id);
  const slippage = slippageBps(order.side, order.average_executed_price, benchmark?.arrival_price);
  return (
    <tr aria-rowindex={rowIndex} aria-selected={selected} className={selected ? "bg-accent/5" : undefined}>
      <td className={`${CELL} w-10`}>
        <input
          type="checkbox"
          className="h-4 w-4 accent-[var(--accent)]"
          aria-label={`Select order ${id}`}
          checked={selected}
          onChange={() => onToggle(order.id)}
        />
      </td>
      <td className={`${CELL} font-mono text-xs`}>
        <Link
          href={`/orders/${order.id}`}
          prefetch={false}
          aria-label={`Open order ${id}`}
          className="text-accent hover:underline"
        >
          {id}
        </Link>
      </td>
      <td className={`${CELL} font-medium`}>{order.pair}</td>
      <td className={`${CELL} ${order.side === "buy" ? "text-buy" : "text-sell"}`}>{order.side}</td>
      <td className={CELL}>{order.strategy}</td>
      <td className={CELL}>
        <StatusBadge status={order.status} />
      </td>
      <td className={CELL}>
        <ProgressBar pct={order.pct_filled} label={`Filled, order ${id}`} />
      </td>
      <td className={`${CELL} tabular text-right`}>
        {formatQty(order.executed_qty)} / {formatQty(order.target_order_qty)}{" "}
        <span className="text-muted">{order.target_token}</span>
      </td>
      <td className={`${CELL} tabular text-right`}>{formatPrice(order.average_executed_price)}</td>
      <td
        className={`${CELL} tabular text-right ${slippage === null ? "text-muted" : slippage > 0 ? "text-sell" : "text-buy"}`}
        title="Average price vs arrival mid; positive is a cost"
      >
        {formatBps(slippage)}
      </td>
      <td className={`${CELL} text-right`}>
        <TimeLeft status={order.status} timeStart={order.time_start} timeEnd={order.time_end} />
      </td>
      <td className={`${CELL} text-muted`}>{order.account_names.join(", ")}</td>
    </tr>
  );
});
