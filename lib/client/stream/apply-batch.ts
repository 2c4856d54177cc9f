import { notifyManager, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { TCoreOrderDetail, TCoreOrderPage } from "@/lib/contracts/core/orders";
import { queryKeys } from "../query-keys";
import { mergeOrderDetail, mergeOrderPage, type StreamBatch } from "./merge";

/**
 * Follow-up refetches, rate-limited: a stream of 20 fills a second must not turn into 20 refetches a
 * second. `soon(key)` runs the task once, `delayMs` after the first request since the last run.
 */
class Throttle {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  soon(key: string, delayMs: number, task: () => void): void {
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        task();
      }, delayMs),
    );
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Roots of other pages' keys that fill events make stale (see their section in query-keys.ts). */
const FILL_DEPENDENT: QueryKey[] = [queryKeys.fills.all(), queryKeys.stats.all(), queryKeys.balances.all()];

/**
 * Writes one batch of stream events into the React Query cache: the active-orders list, every cached
 * page of the order history and every cached order detail, in one notification (one render). What
 * events cannot carry (a new order's full row, an order's log, other pages' aggregates) is refetched,
 * rate-limited.
 */
export function createBatchApplier(client: QueryClient) {
  const throttle = new Throttle();
  const invalidate = (queryKey: QueryKey) => void client.invalidateQueries({ queryKey });

  function apply(batch: StreamBatch): void {
    let unknown: string[] = [];
    let statusChanged = false;
    const staleDetails: string[] = [];
    const touchedDetails: string[] = [];

    notifyManager.batch(() => {
      client.setQueryData<TCoreOrderPage>(queryKeys.orders.active(), (page) => {
        if (!page) return page;
        const merged = mergeOrderPage(page, batch, { dropFinished: true });
        unknown = merged.unknown;
        if (merged.statusChanged.length > 0) statusChanged = true;
        return merged.page;
      });
      for (const [key, page] of client.getQueriesData<TCoreOrderPage>({
        queryKey: queryKeys.orders.lists(),
      })) {
        if (!page) continue;
        const merged = mergeOrderPage(page, batch, { dropFinished: false });
        if (merged.page !== page) client.setQueryData(key, merged.page);
        if (merged.statusChanged.length > 0) statusChanged = true;
      }
      for (const id of batch.touched) {
        const key = queryKeys.orders.detail(id);
        const detail = client.getQueryData<TCoreOrderDetail>(key);
        if (!detail) continue;
        const merged = mergeOrderDetail(detail, batch);
        if (merged.detail !== detail) client.setQueryData(key, merged.detail);
        if (merged.incomplete) staleDetails.push(id);
        if (merged.statusChanged) statusChanged = true;
        touchedDetails.push(id);
      }
    });

    // A new order: its full row (accounts, strategy, times) comes from the list endpoint.
    if (unknown.length > 0) {
      throttle.soon("active", 250, () => {
        invalidate(queryKeys.orders.active());
        invalidate(queryKeys.orders.benchmarks());
      });
    }
    // Status moves change which history pages list an order, and start arrival benchmarks.
    if (statusChanged) {
      throttle.soon("lists", 1_000, () => {
        invalidate(queryKeys.orders.lists());
        invalidate(queryKeys.orders.benchmarks());
      });
    }
    for (const id of staleDetails)
      throttle.soon(`detail:${id}`, 500, () => invalidate(queryKeys.orders.detail(id)));
    // The order's log has no event of its own: refresh it while the order is being worked.
    for (const id of touchedDetails)
      throttle.soon(`messages:${id}`, 3_000, () => invalidate(queryKeys.orders.messages(id)));
    if (batch.fills.length > 0) throttle.soon("fills", 2_000, () => FILL_DEPENDENT.forEach(invalidate));
    // The RFQ desk: a posted, locked or filled order refreshes the desk's lists, fills and balances.
    if (batch.rfqOrders.size > 0) throttle.soon("rfq", 250, () => invalidate(queryKeys.rfq.all()));
  }

  return { apply, dispose: () => throttle.clear() };
}

/** Keys that never change while the stream is away (no refetch on reconnect). */
const STATIC_ROOTS = new Set(["me", "tokens", "users", "passkeys", "signing-keys", "market"]);

/**
 * On `ready` (every (re)connect), refetch what may have missed events: every cached query except the
 * static ones, if its data is older than the connection (`openedAt`). On a first page load the
 * queries and the stream start together, so nothing is fetched twice.
 */
export function refreshAfterConnect(client: QueryClient, openedAt: number): void {
  void client.invalidateQueries({
    predicate: (query) =>
      !STATIC_ROOTS.has(String(query.queryKey[0])) &&
      query.state.dataUpdatedAt > 0 &&
      query.state.dataUpdatedAt < openedAt,
  });
}
