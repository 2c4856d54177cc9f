"use client";

import { useState } from "react";
import type { TCoreOrder } from "@/lib/contracts/core/orders";
import type { OrderAction } from "@/lib/client/hooks/use-order-action";
import { useBulkOrderAction, type BulkResult } from "@/lib/client/hooks/use-bulk-order-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "./dialog";
import { shortId } from "./format";

const WORDS: Record<OrderAction, { verb: string; past: string; ing: string }> = {
  pause: { verb: "Pause", past: "Paused", ing: "Pausing" },
  resume: { verb: "Resume", past: "Resumed", ing: "Resuming" },
  cancel: { verb: "Cancel", past: "Canceled", ing: "Canceling" },
};

const plural = (n: number) => `${n} order${n === 1 ? "" : "s"}`;
const LISTED = 8;

/**
 * Pause, resume or cancel the selected orders, behind a confirm step that names them. The outcome
 * of every order is reported, failures with the server's reason.
 */
export function BulkActions({
  chosen,
  onFinished,
}: {
  chosen: TCoreOrder[];
  onFinished: (result: BulkResult) => void;
}) {
  const [action, setAction] = useState<OrderAction | null>(null);
  const [targets, setTargets] = useState<TCoreOrder[]>([]);
  const bulk = useBulkOrderAction();
  const result = bulk.data;

  const open = (next: OrderAction) => {
    bulk.reset();
    setTargets(chosen);
    setAction(next);
  };
  const close = () => {
    setAction(null);
    bulk.reset();
  };
  const confirm = () => {
    if (!action) return;
    bulk.mutate(
      { action, orderIds: targets.map((order) => order.id) },
      { onSuccess: (outcome) => onFinished(outcome) },
    );
  };
  const words = action ? WORDS[action] : WORDS.cancel;
  const n = chosen.length;

  return (
    <div className="flex min-h-9 flex-wrap items-center gap-2">
      <span className="w-24 text-sm text-muted tabular" aria-live="polite">
        {n} selected
      </span>
      <Button onClick={() => open("pause")} disabled={n === 0}>
        Pause selected
      </Button>
      <Button onClick={() => open("resume")} disabled={n === 0}>
        Resume selected
      </Button>
      <Button variant="danger" onClick={() => open("cancel")} disabled={n === 0}>
        Cancel selected
      </Button>

      <Dialog
        open={action !== null}
        onClose={close}
        title={result ? `${words.verb} selected orders: result` : `${words.verb} ${plural(targets.length)}?`}
        description={
          result
            ? undefined
            : action === "cancel"
              ? "Their working child orders are pulled from the venue. This cannot be undone."
              : action === "pause"
                ? "Their working child orders are pulled until they are resumed."
                : "They go back to their schedules."
        }
      >
        {result ? (
          <BulkOutcome result={result} targets={targets} />
        ) : (
          <ul className="max-h-48 overflow-auto rounded-md border border-border text-sm">
            {targets.slice(0, LISTED).map((order) => (
              <li key={order.id} className="flex gap-3 border-b border-border px-3 py-1.5 last:border-0">
                <span className="font-mono text-xs text-muted">{shortId(order.id)}</span>
                <span>{order.pair}</span>
                <span className={order.side === "buy" ? "text-buy" : "text-sell"}>{order.side}</span>
                <span className="text-muted">{order.strategy}</span>
                <span className="ml-auto text-muted">{order.status}</span>
              </li>
            ))}
            {targets.length > LISTED ? (
              <li className="px-3 py-1.5 text-muted">and {targets.length - LISTED} more</li>
            ) : null}
          </ul>
        )}
        {bulk.isError ? (
          <p role="alert" className="text-sm text-danger">
            {bulk.error.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          {result ? (
            <Button variant="primary" onClick={close} autoFocus>
              Close
            </Button>
          ) : (
            <>
              <Button onClick={close} disabled={bulk.isPending} autoFocus>
                Back
              </Button>
              <Button
                variant={action === "cancel" ? "danger" : "primary"}
                onClick={confirm}
                disabled={bulk.isPending}
              >
                {bulk.isPending ? `${words.ing}…` : `${words.verb} ${plural(targets.length)}`}
              </Button>
            </>
          )}
        </div>
      </Dialog>
    </div>
  );
}

function BulkOutcome({ result, targets }: { result: BulkResult; targets: TCoreOrder[] }) {
  const words = WORDS[result.action];
  const total = result.done.length + result.failed.length;
  const pairOf = new Map(targets.map((order) => [order.id, order.pair]));
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p role="status">
        {result.failed.length === 0
          ? `${words.past} ${plural(result.done.length)}.`
          : `${words.past} ${result.done.length} of ${plural(total)}; ${result.failed.length} failed.`}
      </p>
      {result.failed.length > 0 ? (
        <ul role="alert" className="max-h-48 overflow-auto rounded-md border border-danger/50 bg-danger/5">
          {result.failed.map((failure) => (
            <li key={failure.orderId} className="flex gap-3 border-b border-border px-3 py-1.5 last:border-0">
              <span className="font-mono text-xs">{shortId(failure.orderId)}</span>
              <span className="text-muted">{pairOf.get(failure.orderId)}</span>
              <span className="text-danger">{failure.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
