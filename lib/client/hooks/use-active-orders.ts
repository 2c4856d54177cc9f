"use client";

import { useQuery } from "@tanstack/react-query";
import type { TCoreOrderPage } from "@/lib/contracts/core/orders";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The most unfinished orders one request returns (the API's page_size limit). */
export const ACTIVE_ORDERS_LIMIT = 1000;

/**
 * Every unfinished order (scheduled, active, paused, finishing), newest first, with the fields the
 * active table shows. GET /api/orders/ rather than /api/active_orders/: it carries account names
 * and the average price, and not every fill. The live stream keeps it current between fetches.
 */
export function useActiveOrders() {
  return useQuery({
    queryKey: queryKeys.orders.active(),
    queryFn: ({ signal }) =>
      apiFetch<TCoreOrderPage>(
        `/api/orders/?statuses=SCHEDULED,ACTIVE,PAUSED,FINISHER&page_size=${ACTIVE_ORDERS_LIMIT}`,
        { signal },
      ),
    // The stream keeps it fresh; a slow poll covers a stream that is down.
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
