"use client";

import { useQuery } from "@tanstack/react-query";
import type { TCoreBalances } from "@/lib/contracts/core/accounts";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/**
 * Balances of every account of the caller's, by account name (GET /api/balances/). The live stream
 * makes them stale on fill events (queryKeys.balances.all()); a slow poll is the safety net while
 * the stream is away.
 */
export function useBalances({ refreshMs = 30_000 }: { refreshMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.balances.all(),
    queryFn: ({ signal }) => apiFetch<TCoreBalances>("/api/balances/", { signal }),
    refetchInterval: refreshMs,
  });
}
