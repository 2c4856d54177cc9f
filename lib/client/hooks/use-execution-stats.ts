"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TExecutionStats } from "@/lib/contracts/stats";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export interface ExecutionStatsFilters {
  pair?: string;
  account?: string;
  from?: string;
  to?: string;
}

/** Slippage of the caller's completed orders vs arrival and interval VWAP (GET /api/stats/executions). */
export function useExecutionStats(filters: ExecutionStatsFilters) {
  return useQuery({
    queryKey: queryKeys.stats.executions(filters),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      if (filters.pair) search.set("pair", filters.pair);
      if (filters.account) search.set("account_names", filters.account);
      if (filters.from) search.set("from", filters.from);
      if (filters.to) search.set("to", filters.to);
      return apiFetch<TExecutionStats>(`/api/stats/executions?${search}`, { signal });
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
