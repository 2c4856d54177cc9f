"use client";

import { useState } from "react";
import type { TCoreOrderDetail } from "@/lib/contracts/core/orders";
import { useOrderAction, type OrderAction } from "@/lib/client/hooks/use-order-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/orders/dialog";
import { formatDateTime, formatPrice, formatQty, shortId } from "@/components/orders/format";
import { ProgressBar } from "@/components/orders/progress-bar";
import { StatusBadge } from "@/components/orders/status-badge";
import { TimeLeft } from "@/components/orders/time-left";
import { AmendDialog } from "./amend-dialog";
import { isFinished } from "./order-math";

const DONE: Record<OrderAction, string> = { pause: "Paused.", resume: "Resumed.", cancel: "Canceled." };

/** What the order is, where it stands, and what can be done to it (pause, resume, amend, cancel). */
export function OrderHeader({ order }: { order: TCoreOrderDetail }) {
  const action = useOrderAction(order.id);
  const [amending, setAmending] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const finished = isFinished(order.status);
  const busy = action.isPending;
  const run = (next: OrderAction) => action.mutate(next);

  return (
    <header className="mb-6 flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xl font-semibold">
            <span>{order.pair}</span>
            <span className={order.side === "buy" ? "text-buy" : "text-sell"}>{order.side}</span>
            <span className="text-muted">{order.strategy}</span>
            <StatusBadge status={order.status} />
          </h1>
          <p className="text-xs text-muted">
            <span className="font-mono" title={order.id}>
              {shortId(order.id)}
            </span>
            {" · "}created {formatDateTime(order.created_at)} · {order.account_names.join(", ")}
            {order.custom_order_id ? ` · ${order.custom_order_id}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Order actions">
          {order.status === "PAUSED" ? (
            <Button className="w-24" onClick={() => run("resume")} disabled={busy}>
              Resume
            </Button>
          ) : (
            <Button
              className="w-24"
              onClick={() => run("pause")}
              disabled={busy || order.status !== "ACTIVE"}
            >
              Pause
            </Button>
          )}
          <Button onClick={() => setAmending(true)} disabled={busy || finished}>
            Amend
          </Button>
          <Button variant="danger" onClick={() => setConfirmCancel(true)} disabled={busy || finished}>
            Cancel order
          </Button>
        </div>
      </div>

      <div className="grid grid-cols-2 gap-4 rounded-lg border border-border bg-panel p-4 sm:grid-cols-4">
        <div className="col-span-2 flex flex-col gap-1">
          <span className="text-xs text-muted">Progress</span>
          <ProgressBar pct={order.pct_filled} label="Filled" />
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-xs text-muted">Executed / target</span>
          <span className="tabular text-sm">
            {formatQty(order.executed_qty)} / {formatQty(order.target_order_qty)} {order.target_token}
          </span>
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-xs text-muted">Avg price · time left</span>
          <span className="tabular text-sm">
            {formatPrice(order.average_executed_price)} ·{" "}
            {finished ? (
              <span className="text-muted">done</span>
            ) : (
              <TimeLeft status={order.status} timeStart={order.time_start} timeEnd={order.time_end} />
            )}
          </span>
        </div>
      </div>

      <div aria-live="polite" className="min-h-5 text-sm">
        {action.isError ? (
          <p role="alert" className="text-danger">
            Could not {action.variables} the order: {action.error.message}
          </p>
        ) : action.isSuccess ? (
          <p className="text-muted">{DONE[action.variables]}</p>
        ) : order.failure_reason ? (
          <p className="text-danger">{order.failure_reason}</p>
        ) : null}
      </div>

      <AmendDialog order={order} open={amending} onClose={() => setAmending(false)} />
      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Cancel this order?"
        description="Its working child orders are pulled from the venue; what has filled stays filled. This cannot be undone."
      >
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirmCancel(false)} autoFocus>
            Keep order
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setConfirmCancel(false);
              run("cancel");
            }}
          >
            Cancel order
          </Button>
        </div>
      </Dialog>
    </header>
  );
}
