"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useAccounts } from "@/lib/client/hooks/use-accounts";
import { ACTIVE_ORDERS_LIMIT, useActiveOrders } from "@/lib/client/hooks/use-active-orders";
import { useOrderBenchmarks } from "@/lib/client/hooks/use-order-benchmarks";
import type { BulkResult } from "@/lib/client/hooks/use-bulk-order-action";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { ActiveOrdersTable, MIN_VISIBLE_ROWS, tableHeight } from "./active-orders-table";
import { ROW_HEIGHT } from "./active-order-row";
import { BulkActions } from "./bulk-actions";
import { NO_FILTERS, OrdersFilters, type ActiveFilters } from "./orders-filters";
import { OrderHistory } from "./order-history";
import { TableSkeleton } from "./table-skeleton";

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/** The Orders page: the live active-orders table with filters and bulk actions, and the history. */
export function OrdersView() {
  const active = useActiveOrders();
  const benchmarks = useOrderBenchmarks();
  const accountList = useAccounts();
  const [filters, setFilters] = useState<ActiveFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const orders = active.data?.orders;
  const shown = useMemo(
    () =>
      (orders ?? []).filter(
        (order) =>
          (!filters.status || order.status === filters.status) &&
          (!filters.account || order.account_names.includes(filters.account)) &&
          (!filters.pair || order.pair === filters.pair),
      ),
    [orders, filters],
  );
  // Only orders still listed can be acted on (a finished one leaves the list, and the selection).
  const chosen = useMemo(() => (orders ?? []).filter((order) => selected.has(order.id)), [orders, selected]);
  // Joined to text first, so the lists (and what they are passed to) change only when their content does.
  const accountKey = sortedUnique([
    ...(accountList.data?.accounts.map((a) => a.name) ?? []),
    ...(orders ?? []).flatMap((o) => o.account_names),
  ]).join("\n");
  const pairKey = sortedUnique((orders ?? []).map((o) => o.pair)).join("\n");
  const accounts = useMemo(() => (accountKey ? accountKey.split("\n") : []), [accountKey]);
  const pairs = useMemo(() => (pairKey ? pairKey.split("\n") : []), [pairKey]);

  const onToggle = useCallback(
    (id: string) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const onToggleAll = useCallback(
    (select: boolean) =>
      setSelected((previous) => {
        const next = new Set(previous);
        for (const order of shown) {
          if (select) next.add(order.id);
          else next.delete(order.id);
        }
        return next;
      }),
    [shown],
  );
  const onFinished = useCallback(
    (result: BulkResult) =>
      setSelected((previous) => {
        const next = new Set(previous);
        for (const id of result.done) next.delete(id);
        return next;
      }),
    [],
  );

  const total = active.data?.order_count ?? 0;
  const filtered = filters !== NO_FILTERS && shown.length !== (orders?.length ?? 0);

  return (
    <>
      <PageHeader title="Orders">
        <Link
          href="/trade"
          className="inline-flex h-9 items-center rounded-md bg-accent px-3 text-sm font-medium text-accent-fg hover:opacity-90"
        >
          New order
        </Link>
      </PageHeader>
      <Panel
        title="Active orders"
        actions={
          <span className="text-xs text-muted tabular" aria-live="polite">
            {active.data ? (filtered ? `${shown.length} of ${total}` : `${total}`) : ""}
          </span>
        }
      >
        <div className="flex flex-col gap-3">
          <OrdersFilters filters={filters} onChange={setFilters} accounts={accounts} pairs={pairs} />
          <BulkActions chosen={chosen} onFinished={onFinished} />
          {active.data ? (
            shown.length > 0 ? (
              <ActiveOrdersTable
                orders={shown}
                benchmarks={benchmarks.data}
                selected={selected}
                onToggle={onToggle}
                onToggleAll={onToggleAll}
              />
            ) : (
              <div style={{ height: tableHeight(0) }} className="flex flex-col justify-center">
                <EmptyState
                  title={
                    orders && orders.length > 0 ? "No active orders match the filters" : "No active orders"
                  }
                >
                  {orders && orders.length > 0 ? (
                    <button
                      type="button"
                      className="text-accent underline"
                      onClick={() => setFilters(NO_FILTERS)}
                    >
                      Clear filters
                    </button>
                  ) : (
                    <>
                      Orders being worked show here, live.{" "}
                      <Link href="/trade" className="text-accent underline">
                        Place an order
                      </Link>
                    </>
                  )}
                </EmptyState>
              </div>
            )
          ) : active.isError ? (
            <div style={{ height: tableHeight(0) }}>
              <ErrorState error={active.error} onRetry={() => void active.refetch()} />
            </div>
          ) : (
            <TableSkeleton
              rows={MIN_VISIBLE_ROWS}
              rowHeight={ROW_HEIGHT}
              height={tableHeight(0)}
              label="Loading active orders"
            />
          )}
          {active.data && active.isError ? (
            <p role="alert" className="text-xs text-warn">
              Could not refresh the list ({active.error.message}); showing the last known state.
            </p>
          ) : null}
          {total > ACTIVE_ORDERS_LIMIT ? (
            <p className="text-xs text-muted">
              Showing the newest {ACTIVE_ORDERS_LIMIT} of {total} unfinished orders.
            </p>
          ) : null}
        </div>
      </Panel>
      <OrderHistory accounts={accounts} />
    </>
  );
}
