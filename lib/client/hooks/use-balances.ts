"use client";

import { useQuery } from "@tanstack/react-query";
import type { TCoreBalances } from "@/lib/contracts/core/accounts";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/**
 * Balances of every account of the caller's, by account name (GET /api/balances/). Fill events make
 * them stale through the shared key; the short poll keeps them moving when the stream is away.
 */
export function useBalances({ refreshMs = 5_000 }: { refreshMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.balances.all(),
    queryFn: ({ signal }) => apiFetch<TCoreBalances>("/api/balances/", { signal }),
    refetchInterval: refreshMs,
  });
}
