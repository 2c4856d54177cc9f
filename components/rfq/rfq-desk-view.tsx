"use client";

import { useState } from "react";
import type { TRfqFill, TRfqOrder } from "@/lib/contracts/rfq";
import { fromBaseUnits } from "@/lib/domain/defi/units";
import { fillAmounts, maxTakerIncentive } from "@/lib/domain/rfq/order";
import { useRfqAction } from "@/lib/client/hooks/use-rfq-action";
import { useRfqBalances } from "@/lib/client/hooks/use-rfq-balances";
import { useRfqFills } from "@/lib/client/hooks/use-rfq-fills";
import { useRfqInstruments } from "@/lib/client/hooks/use-rfq-instruments";
import { useRfqOrders } from "@/lib/client/hooks/use-rfq-orders";
import { useRfqWallet } from "@/lib/client/hooks/use-rfq-wallet";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";

/** 18-decimal stablecoin units as dollars, exactly (never through a float). */
const usd = (units: string | bigint) => fromBaseUnits(BigInt(units), 18);
const short = (hex: string) => `${hex.slice(0, 10)}…${hex.slice(-6)}`;

/**
 * The RFQ desk for takers: maker orders arrive live (the stream's `rfq_order` events refetch the
 * list), a taker locks one, fills part or all of it with the amounts previewed, rejects it with a
 * reason or unlocks it; below, the fills with their transactions and the principal's tokens.
 */
export function RfqDeskView() {
  const [status, setStatus] = useState("pending,locked,partially_filled,filled");
  const orders = useRfqOrders({ status });
  const wallet = useRfqWallet();
  const instruments = useRfqInstruments();
  const fills = useRfqFills();
  const [principal, setPrincipal] = useState<string | null>(null);
  const feeBps = instruments.data?.fee_bps ?? 100;

  return (
    <div className="space-y-6">
      <Panel title="Desk wallet">
        {wallet.isPending ? (
          <LoadingRows rows={1} />
        ) : wallet.error ? (
          <ErrorState error={wallet.error} onRetry={() => void wallet.refetch()} />
        ) : (
          <div className="space-y-2 text-sm">
            <p>
              Fills are sent from <code data-testid="desk-wallet">{wallet.data.address}</code> on chain{" "}
              {wallet.data.chain_id}
              {instruments.data ? ` · fee ${feeBps / 100} %` : ""}.
            </p>
            <Balances balances={wallet.data.balances} />
          </div>
        )}
      </Panel>

      <Panel
        title="Maker orders"
        actions={
          <select
            aria-label="Status"
            className="h-8 rounded-md border border-border bg-panel-2 px-2 text-sm"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="pending,locked,partially_filled,filled">Open and filled</option>
            <option value="pending,locked">Open</option>
            <option value="">All</option>
          </select>
        }
      >
        {orders.isPending ? (
          <LoadingRows rows={3} />
        ) : orders.error ? (
          <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
        ) : orders.data.items.length === 0 ? (
          <EmptyState title="No maker orders">
            Orders makers post through POST /api/v1/orders appear here live.
          </EmptyState>
        ) : (
          <table className="w-full text-sm" aria-label="Maker orders">
            <thead className="text-left text-muted">
              <tr>
                <th className="py-1">Order</th>
                <th>Side</th>
                <th>Price (TUSD)</th>
                <th>Quantity</th>
                <th>Filled</th>
                <th>Status</th>
                <th>Action</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((order) => (
                <OrderRow
                  key={order.id}
                  order={order}
                  mine={order.locked_by !== null && order.locked_by === wallet.data?.address}
                  walletAddress={wallet.data?.address ?? null}
                  feeBps={feeBps}
                />
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <Panel title="Fill history">
        {fills.isPending ? (
          <LoadingRows rows={2} />
        ) : fills.error ? (
          <ErrorState error={fills.error} />
        ) : fills.data.items.length === 0 ? (
          <EmptyState title="No fills yet" />
        ) : (
          <table className="w-full text-sm" aria-label="Fill history">
            <thead className="text-left text-muted">
              <tr>
                <th className="py-1">Ticker</th>
                <th>Quantity</th>
                <th>Amount</th>
                <th>Fee</th>
                <th>Incentive</th>
                <th>Transaction</th>
                <th>Principal</th>
              </tr>
            </thead>
            <tbody>
              {fills.data.items.map((fill) => (
                <FillRow key={fill.id} fill={fill} onPrincipal={setPrincipal} />
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      {principal ? <PrincipalBalances address={principal} /> : null}
    </div>
  );
}

function Balances({ balances }: { balances: { symbol: string; balance: string; decimals: number }[] }) {
  return (
    <ul className="flex flex-wrap gap-4" aria-label="Balances">
      {balances.map((b) => (
        <li key={b.symbol}>
          <span className="text-muted">{b.symbol}</span>{" "}
          <span data-testid={`balance-${b.symbol}`}>{fromBaseUnits(BigInt(b.balance), b.decimals)}</span>
        </li>
      ))}
    </ul>
  );
}

function PrincipalBalances({ address }: { address: string }) {
  const balances = useRfqBalances(address);
  return (
    <Panel title="Principal's tokens">
      <p className="mb-2 text-sm">
        <code>{address}</code>
      </p>
      {balances.data ? <Balances balances={balances.data.balances} /> : <LoadingRows rows={1} />}
    </Panel>
  );
}

function FillRow({ fill, onPrincipal }: { fill: TRfqFill; onPrincipal: (address: string) => void }) {
  return (
    <tr className="border-t border-border" data-testid="fill-row">
      <td className="py-1">{fill.ticker}</td>
      <td>{fill.fill_quantity}</td>
      <td>{usd(fill.filled_amount)}</td>
      <td>{usd(fill.fee_amount)}</td>
      <td>{usd(fill.incentive_amount)}</td>
      <td>
        <code title="Transaction hash" data-testid="fill-tx">
          {fill.tx_hash}
        </code>
        {fill.status === "pending" ? " (pending)" : ""}
      </td>
      <td>
        <Button variant="ghost" onClick={() => onPrincipal(fill.principal)}>
          {short(fill.principal)}
        </Button>
      </td>
    </tr>
  );
}

function OrderRow({
  order,
  mine,
  walletAddress,
  feeBps,
}: {
  order: TRfqOrder;
  mine: boolean;
  walletAddress: string | null;
  feeBps: number;
}) {
  const action = useRfqAction();
  const remaining = BigInt(order.order.quantity) - BigInt(order.filled_quantity);
  const [quantity, setQuantity] = useState(remaining.toString());
  const [reason, setReason] = useState("");
  const fill = /^\d+$/.test(quantity) ? BigInt(quantity) : 0n;
  const message = { quantity: BigInt(order.order.quantity), incentive: BigInt(order.order.incentive) };
  const incentive = maxTakerIncentive(message, fill);
  const preview = fillAmounts(BigInt(order.order.price), fill, feeBps, incentive);
  return (
    <tr
      className="border-t border-border align-top"
      data-testid="rfq-order"
      data-order-hash={order.order_hash}
    >
      <td className="py-1">
        {order.order.ticker} <code className="text-muted">{short(order.order_hash)}</code>
      </td>
      <td>{order.order.is_buy ? "buy" : "sell"}</td>
      <td>{usd(order.order.price)}</td>
      <td>{order.order.quantity}</td>
      <td>{order.filled_quantity}</td>
      <td data-testid="rfq-status">{order.status}</td>
      <td className="space-y-2">
        {order.status === "pending" && walletAddress ? (
          <div className="flex gap-2">
            <Button onClick={() => action.mutate({ kind: "lock", order, takerAddress: walletAddress })}>
              Lock
            </Button>
            <input
              aria-label="Reject reason"
              className="h-9 rounded-md border border-border bg-panel-2 px-2"
              placeholder="Reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <Button
              variant="danger"
              disabled={!reason.trim()}
              onClick={() => action.mutate({ kind: "reject", order, reason })}
            >
              Reject
            </Button>
          </div>
        ) : null}
        {order.status === "locked" && mine ? (
          <div className="space-y-1">
            <div className="flex gap-2">
              <input
                aria-label="Fill quantity"
                className="h-9 w-24 rounded-md border border-border bg-panel-2 px-2"
                value={quantity}
                onChange={(event) => setQuantity(event.target.value.trim())}
              />
              <Button
                variant="primary"
                disabled={action.isPending || fill === 0n || fill > remaining}
                onClick={() =>
                  action.mutate({
                    kind: "fill",
                    order,
                    fillQuantity: fill.toString(),
                    takerIncentive: incentive.toString(),
                  })
                }
              >
                {action.isPending ? "Filling…" : "Fill"}
              </Button>
              <Button variant="ghost" onClick={() => action.mutate({ kind: "unlock", order })}>
                Unlock
              </Button>
            </div>
            <p className="text-xs text-muted" data-testid="fill-preview">
              {fill > 0n && fill <= remaining
                ? `Amount ${usd(preview.filledAmount)} · fee ${usd(preview.feeAmount)} · incentive ${usd(preview.incentiveAmount)} TUSD`
                : `Between 1 and ${remaining}`}
            </p>
          </div>
        ) : null}
        {order.status === "locked" && !mine ? (
          <span className="text-muted">locked by another taker</span>
        ) : null}
        {order.reject_reason ? <span className="text-muted">{order.reject_reason}</span> : null}
        {action.error ? (
          <p role="alert" className="text-xs text-danger">
            {action.error.message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
