"use client";

import { useQuery } from "@tanstack/react-query";
import type { TTokenBalances } from "@/lib/contracts/rfq";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** An address's desk tokens on the chain (a principal's, say). */
export function useRfqBalances(address: string | null) {
  return useQuery({
    queryKey: queryKeys.rfq.balances(address ?? ""),
    queryFn: async ({ signal }) =>
      (await apiFetch<{ data: TTokenBalances }>(`/api/v1/takers/balances?address=${address}`, { signal }))
        .data,
    enabled: Boolean(address),
  });
}
