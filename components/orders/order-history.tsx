"use client";

import Link from "next/link";
import { memo, useState } from "react";
import { useMarketPairs } from "@/lib/client/hooks/use-market-pairs";
import { useOrderHistory } from "@/lib/client/hooks/use-order-history";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { FilterSelect } from "./filter-select";
import { formatDateTime, formatPrice, formatQty, shortId } from "./format";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import { TableSkeleton } from "./table-skeleton";

// Spelled out rather than imported: the contracts module would bring zod into the page's bundle.
const CORE_STATUSES = ["SCHEDULED", "ACTIVE", "PAUSED", "FINISHER", "COMPLETE", "CANCELED", "FAILED"];
const STATUS_OPTIONS = CORE_STATUSES.map((s) => [s, s === "FINISHER" ? "FINISHING" : s] as const);
const PAGE_SIZE = 20;
const ROW = 40;
const CELL = "border-b border-border px-2 whitespace-nowrap overflow-hidden text-ellipsis";
const HEAD = [
  "Order",
  "Created",
  "Pair",
  "Side",
  "Strategy",
  "Status",
  "Filled",
  "Executed / target",
  "Avg price",
  "Account",
];
const WIDTHS = [88, 136, 96, 48, 88, 108, 144, 176, 100, 96];

/** Every order of the past year, newest first, a page at a time; live rows update in place. */
export const OrderHistory = memo(function OrderHistory({ accounts }: { accounts: string[] }) {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState("");
  const [account, setAccount] = useState("");
  const [pair, setPair] = useState("");
  const history = useOrderHistory({
    page,
    pageSize: PAGE_SIZE,
    statuses: status ? [status] : [],
    accountNames: account ? [account] : [],
    pairs: pair ? [pair] : [],
  });
  const data = history.data;
  const market = useMarketPairs();
  // The venue's pairs, and any other the orders on screen trade (DeFi pairs, delisted ones).
  const pairs = [
    ...new Set([
      ...(market.data?.pairs.map((p) => p.pair) ?? []),
      ...(data?.orders.map((o) => o.pair) ?? []),
      ...(pair ? [pair] : []),
    ]),
  ].sort();
  const filtered = status !== "" || account !== "" || pair !== "";
  /** A filter change starts again from the first page. */
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPage(1);
  };

  return (
    <Panel title="Order history" className="mt-6">
      <div className="flex flex-col gap-3">
        <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
          <FilterSelect
            label="Status"
            value={status}
            onChange={filter(setStatus)}
            allLabel="All statuses"
            options={STATUS_OPTIONS}
          />
          <FilterSelect
            label="Account"
            value={account}
            onChange={filter(setAccount)}
            allLabel="All accounts"
            options={accounts}
          />
          <FilterSelect
            label="Pair"
            value={pair}
            onChange={filter(setPair)}
            allLabel="All pairs"
            options={pairs}
          />
        </div>

        {!data ? (
          history.isError ? (
            <ErrorState error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <TableSkeleton rows={5} rowHeight={ROW} label="Loading order history" />
          )
        ) : data.orders.length === 0 ? (
          <EmptyState title={filtered ? "No orders match the filters" : "No orders yet"}>
            {filtered ? null : (
              <>
                Place one on the{" "}
                <Link href="/trade" className="text-accent underline">
                  Trade
                </Link>{" "}
                page.
              </>
            )}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-md border border-border">
            <table
              aria-label="Order history"
              aria-busy={history.isPlaceholderData}
              className={`w-full table-fixed border-separate border-spacing-0 text-sm ${history.isPlaceholderData ? "opacity-60" : ""}`}
              style={{ minWidth: WIDTHS.reduce((a, b) => a + b, 0) }}
            >
              <colgroup>
                {WIDTHS.map((w, i) => (
                  <col key={i} style={{ width: w }} />
                ))}
              </colgroup>
              <thead className="bg-panel-2 text-left text-xs text-muted">
                <tr className="h-10">
                  {HEAD.map((h, i) => (
                    <th
                      key={h}
                      scope="col"
                      className={`border-b border-border px-2 font-medium ${i === 7 || i === 8 ? "text-right" : ""}`}
                    >
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.orders.map((order) => (
                  <tr key={order.id} style={{ height: ROW }}>
                    <td className={`${CELL} font-mono text-xs`}>
                      <Link
                        href={`/orders/${order.id}`}
                        prefetch={false}
                        aria-label={`Open order ${shortId(order.id)}`}
                        className="text-accent hover:underline"
                      >
                        {shortId(order.id)}
                      </Link>
                    </td>
                    <td className={`${CELL} tabular text-muted`}>{formatDateTime(order.created_at)}</td>
                    <td className={CELL}>{order.pair}</td>
                    <td className={`${CELL} ${order.side === "buy" ? "text-buy" : "text-sell"}`}>
                      {order.side}
                    </td>
                    <td className={CELL}>{order.strategy}</td>
                    <td className={CELL}>
                      <StatusBadge status={order.status} />
                    </td>
                    <td className={CELL}>
                      <ProgressBar pct={order.pct_filled} label={`Filled, order ${shortId(order.id)}`} />
                    </td>
                    <td className={`${CELL} tabular text-right`}>
                      {formatQty(order.executed_qty)} / {formatQty(order.target_order_qty)}{" "}
                      <span className="text-muted">{order.target_token}</span>
                    </td>
                    <td className={`${CELL} tabular text-right`}>
                      {formatPrice(order.average_executed_price)}
                    </td>
                    <td className={`${CELL} text-muted`}>{order.account_names.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <nav
          aria-label="Order history pages"
          className="flex min-h-9 flex-wrap items-center justify-between gap-3 text-sm"
        >
          <span className="text-muted tabular">
            {data ? `Page ${data.page_number} of ${data.num_pages} · ${data.order_count} orders` : " "}
          </span>
          <div className="flex gap-2">
            <Button onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={!data || page <= 1}>
              Previous page
            </Button>
            <Button
              onClick={() => setPage((p) => p + 1)}
              disabled={!data || history.isPlaceholderData || page >= data.num_pages}
            >
              Next page
            </Button>
          </div>
        </nav>
      </div>
    </Panel>
  );
});
