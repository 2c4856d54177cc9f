"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TCoreOrderPage } from "@/lib/contracts/core/orders";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export interface OrderHistoryParams {
  page: number;
  pageSize: number;
  /** Core statuses; all when empty. */
  statuses: string[];
  /** Account names; all when empty. */
  accountNames: string[];
  /** Trading pairs; all when empty. */
  pairs: string[];
}

/** One page of the caller's orders (GET /api/orders/), newest first; the last page stays while the next loads. */
export function useOrderHistory(params: OrderHistoryParams) {
  return useQuery({
    queryKey: queryKeys.orders.list(params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ page: String(params.page), page_size: String(params.pageSize) });
      if (params.statuses.length > 0) search.set("statuses", params.statuses.join(","));
      if (params.accountNames.length > 0) search.set("account_names", params.accountNames.join(","));
      if (params.pairs.length > 0) search.set("pairs", params.pairs.join(","));
      return apiFetch<TCoreOrderPage>(`/api/orders/?${search}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}
