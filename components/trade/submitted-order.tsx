"use client";

import Link from "next/link";
import type { TCoreSubmittedOrder } from "@/lib/contracts/core/orders";
import { formatDecimal, formatTime } from "@/lib/client/format";

/** The order the API created, with the way to its detail page. */
export function SubmittedOrder({ order, onDismiss }: { order: TCoreSubmittedOrder; onDismiss: () => void }) {
  const qty = order.buy_token_amount ?? order.sell_token_amount;
  const token = order.buy_token_amount !== null ? order.buy_token : order.sell_token;
  return (
    <div
      role="status"
      aria-label="Order submitted"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-buy/50 bg-buy/5 px-4 py-3 text-sm"
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="font-medium">
          Order submitted: {order.strategy_name} {order.side} {formatDecimal(qty)} {token} on {order.pair}
        </p>
        <p className="text-xs text-muted">
          {order.status} · starts {formatTime(order.time_start)} · id{" "}
          <code className="font-mono">{order.id}</code>
        </p>
      </div>
      <div className="flex items-center gap-3">
        <Link href={`/orders/${order.id}`} className="font-medium text-accent underline">
          Open order details
        </Link>
        <button type="button" onClick={onDismiss} className="text-xs text-muted hover:text-fg">
          Dismiss
        </button>
      </div>
    </div>
  );
}
