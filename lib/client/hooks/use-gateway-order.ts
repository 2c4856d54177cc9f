"use client";

import { useQuery } from "@tanstack/react-query";
import type { TGatewayOrder } from "@/lib/contracts/gateway";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

const FINAL = new Set(["complete", "canceled", "failed"]);

/** One Gateway order, polled every second until it is final. */
export function useGatewayOrder(orderId: string | null) {
  return useQuery({
    queryKey: queryKeys.gateway.order(orderId ?? ""),
    queryFn: ({ signal }) => apiFetch<TGatewayOrder>(`/v1/gateway/orders/${orderId}`, { signal }),
    enabled: orderId !== null,
    refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.status) ? false : 1_000),
  });
}
