"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TRfqOrderPage } from "@/lib/contracts/rfq";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export interface RfqOrdersFilter {
  status?: string;
  ticker?: string;
}

/** The desk's orders for takers (GET /api/v1/takers/orders), newest first; kept live by the stream. */
export function useRfqOrders(filter: RfqOrdersFilter) {
  const params = new URLSearchParams({ page_size: "100" });
  if (filter.status) params.set("status", filter.status);
  if (filter.ticker) params.set("ticker", filter.ticker);
  return useQuery({
    queryKey: queryKeys.rfq.orders(filter),
    queryFn: async ({ signal }) =>
      (await apiFetch<{ data: TRfqOrderPage }>(`/api/v1/takers/orders?${params}`, { signal })).data,
    placeholderData: keepPreviousData,
  });
}
