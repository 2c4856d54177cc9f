"use client";

import Link from "next/link";
import { memo, useState } from "react";
import type { TFill } from "@/lib/contracts/fills";
import { formatDecimal, formatTime } from "@/lib/client/format";
import { useFills, type FillFilters } from "@/lib/client/hooks/use-fills";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";

const PAGE_SIZE = 50;

const FillRow = memo(function FillRow({ fill }: { fill: TFill }) {
  return (
    <tr className="h-9 border-t border-border">
      <td className="whitespace-nowrap pr-3 text-muted">{formatTime(fill.time)}</td>
      <td className="whitespace-nowrap pr-3 font-medium">{fill.pair}</td>
      <td className={`pr-3 font-medium ${fill.side === "buy" ? "text-buy" : "text-sell"}`}>{fill.side}</td>
      <td className="tabular whitespace-nowrap pr-3 text-right">{formatDecimal(fill.price)}</td>
      <td className="tabular whitespace-nowrap pr-3 text-right">{formatDecimal(fill.qty)}</td>
      <td className="tabular whitespace-nowrap pr-3 text-right">
        {formatDecimal(fill.notional, { maxDecimals: 2 })}
      </td>
      <td className="tabular whitespace-nowrap pr-3 text-right">
        {formatDecimal(fill.fee, { maxDecimals: 6 })} <span className="text-muted">{fill.fee_asset}</span>
      </td>
      <td className="pr-3 text-muted">{fill.role === "MAKE" ? "maker" : "taker"}</td>
      <td className="whitespace-nowrap pr-3">{fill.strategy}</td>
      <td className="whitespace-nowrap pr-3">{fill.account_name}</td>
      <td className="whitespace-nowrap">
        <Link
          href={`/orders/${fill.order_id}`}
          className="font-mono text-xs text-accent underline"
          aria-label={`Order ${fill.order_id}`}
        >
          {fill.order_id.slice(0, 8)}
        </Link>
      </td>
    </tr>
  );
});

/**
 * The caller's fills, newest first, a page at a time (keyset cursors: going back walks the cursors
 * already seen). The first page follows new fills live; older pages hold still while you read them.
 */
export function FillsTable({ filters }: { filters: FillFilters }) {
  // The cursors of the pages walked so far (null = the newest page), reset when the filters change.
  const [paging, setPaging] = useState<{ filters: FillFilters; cursors: (string | null)[] }>({
    filters,
    cursors: [null],
  });
  const cursors = paging.filters === filters ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;
  const fills = useFills(filters, cursor, { pageSize: PAGE_SIZE });
  const page = fills.data;

  const go = (next: (string | null)[]) => setPaging({ filters, cursors: next });

  return (
    <div className="flex flex-col gap-3">
      {fills.isPending ? (
        <LoadingRows rows={10} label="Loading fills" />
      ) : fills.isError && !page ? (
        <ErrorState error={fills.error} onRetry={() => void fills.refetch()} />
      ) : page && page.fills.length === 0 ? (
        <EmptyState title={cursors.length > 1 ? "No older fills" : "No fills yet"}>
          {cursors.length > 1
            ? "You have reached the oldest fill for these filters."
            : "Fills appear here as the engine executes your orders."}
        </EmptyState>
      ) : page ? (
        <div className="overflow-x-auto">
          {fills.isError ? <ErrorState error={fills.error} onRetry={() => void fills.refetch()} /> : null}
          <table className="w-full min-w-[64rem] text-sm" aria-label="Fills" aria-busy={fills.isFetching}>
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-2 pr-3 font-medium">Time</th>
                <th className="pr-3 font-medium">Pair</th>
                <th className="pr-3 font-medium">Side</th>
                <th className="pr-3 text-right font-medium">Price</th>
                <th className="pr-3 text-right font-medium">Quantity</th>
                <th className="pr-3 text-right font-medium">Notional</th>
                <th className="pr-3 text-right font-medium">Fee</th>
                <th className="pr-3 font-medium">Role</th>
                <th className="pr-3 font-medium">Strategy</th>
                <th className="pr-3 font-medium">Account</th>
                <th className="font-medium">Order</th>
              </tr>
            </thead>
            <tbody>
              {page.fills.map((fill) => (
                <FillRow key={fill.id} fill={fill} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav aria-label="Fill pages" className="flex items-center justify-between gap-2 text-sm">
        <span className="text-xs text-muted">
          Page {cursors.length}
          {cursors.length === 1 ? " · newest, live" : ""}
        </span>
        <div className="flex gap-2">
          <Button variant="ghost" disabled={cursors.length === 1} onClick={() => go([null])}>
            Newest
          </Button>
          <Button
            variant="secondary"
            disabled={cursors.length === 1}
            onClick={() => go(cursors.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            variant="secondary"
            disabled={!page?.next_cursor || fills.isPlaceholderData}
            onClick={() => page?.next_cursor && go([...cursors, page.next_cursor])}
          >
            Older
          </Button>
        </div>
      </nav>
    </div>
  );
}
