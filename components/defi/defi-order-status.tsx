"use client";

import { useGatewayOrder } from "@/lib/client/hooks/use-gateway-order";
import { ErrorState, LoadingRows } from "@/components/ui/states";

const STATUS_STYLE: Record<string, string> = {
  complete: "text-buy",
  failed: "text-danger",
  canceled: "text-muted",
};

/** A DeFi order's status through to `complete` (or `failed` with its reason), with its transactions. */
export function DefiOrderStatus({ orderId }: { orderId: string }) {
  const order = useGatewayOrder(orderId);
  if (order.isPending) return <LoadingRows rows={2} label="Loading order" />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => order.refetch()} />;
  const o = order.data;
  return (
    <div className="flex flex-col gap-3 text-sm" aria-label="Order status">
      <p>
        Status:{" "}
        <strong data-testid="defi-order-status" className={STATUS_STYLE[o.status] ?? ""}>
          {o.status}
        </strong>
      </p>
      {o.status === "complete" ? (
        <p className="tabular">
          Received{" "}
          {o.side === "buy"
            ? `${o.executed_qty} ${o.base_asset} for ${o.executed_quote_qty} ${o.quote_asset}`
            : `${o.executed_quote_qty} ${o.quote_asset} for ${o.executed_qty} ${o.base_asset}`}{" "}
          at {o.avg_price} {o.quote_asset}/{o.base_asset} (pool fee {o.fee} {o.fee_asset})
        </p>
      ) : null}
      {o.failure_reason ? (
        <p role="alert" className="text-danger">
          {o.failure_reason}
        </p>
      ) : null}
      {o.tx_hashes.length > 0 ? (
        <div>
          <p className="mb-1 text-xs font-medium text-muted">Transactions on {o.chain}</p>
          <ul className="flex flex-col gap-1" aria-label="Transaction hashes">
            {o.tx_hashes.map((hash) => (
              <li key={hash} className="break-all font-mono text-xs">
                {hash}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
