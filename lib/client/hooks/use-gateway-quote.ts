"use client";

import { useQuery } from "@tanstack/react-query";
import type { TQuote, TQuoteRequest } from "@/lib/contracts/gateway";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** An indicative quote, refreshed every few seconds while `request` is set (null: nothing to quote). */
export function useGatewayQuote(request: TQuoteRequest | null) {
  return useQuery({
    queryKey: queryKeys.gateway.quote(request ?? {}),
    queryFn: ({ signal }) =>
      apiFetch<TQuote>("/v1/gateway/quotes", { method: "POST", body: request, signal }),
    enabled: request !== null,
    refetchInterval: 5_000,
    retry: false,
  });
}
