"use client";

import { useQuery } from "@tanstack/react-query";
import type { TTakerWallet } from "@/lib/contracts/rfq";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The caller's desk wallet (whitelisted on first use) and its tokens. */
export function useRfqWallet() {
  return useQuery({
    queryKey: queryKeys.rfq.wallet(),
    queryFn: async ({ signal }) =>
      (await apiFetch<{ data: TTakerWallet }>("/api/v1/takers/wallet", { signal })).data,
    staleTime: 30_000,
  });
}
