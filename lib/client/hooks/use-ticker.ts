"use client";

import { useQuery } from "@tanstack/react-query";
import type { TTicker } from "@/lib/contracts/market";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** One pair's touch, spread and last trade, refreshed every `refreshMs` (null pair: nothing to fetch). */
export function useTicker(pair: string | null, { refreshMs = 2_000 }: { refreshMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.market.ticker(pair ?? ""),
    queryFn: ({ signal }) => apiFetch<TTicker>(`/api/market/${encodeURIComponent(pair!)}/ticker`, { signal }),
    enabled: pair !== null && pair !== "",
    refetchInterval: refreshMs,
    staleTime: refreshMs,
  });
}
