"use client";

import { useQuery } from "@tanstack/react-query";
import type { TMarketPairs } from "@/lib/contracts/market";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The venue's pairs with tick size, minimums, fees and bid / ask / mid (rules change rarely). */
export function useMarketPairs() {
  return useQuery({
    queryKey: queryKeys.market.pairs(),
    queryFn: ({ signal }) => apiFetch<TMarketPairs>("/api/market/pairs", { signal }),
    staleTime: 30_000,
  });
}
