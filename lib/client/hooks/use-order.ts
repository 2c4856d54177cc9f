"use client";

import { useQuery } from "@tanstack/react-query";
import type { TCoreOrderDetail } from "@/lib/contracts/core/orders";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** One order with its placements, their fills and all its fills (GET /api/order/{id}?include_fills=true). */
export function useOrder(id: string) {
  return useQuery({
    queryKey: queryKeys.orders.detail(id),
    queryFn: ({ signal }) =>
      apiFetch<TCoreOrderDetail>(`/api/order/${encodeURIComponent(id)}?include_fills=true`, { signal }),
    // The stream keeps it current; a slow poll covers a stream that is down.
    staleTime: 15_000,
    refetchInterval: (query) => (query.state.data && !query.state.data.active ? false : 30_000),
    retry: (count, error) =>
      count < 1 && !("status" in error && (error.status === 404 || error.status === 400)),
  });
}
