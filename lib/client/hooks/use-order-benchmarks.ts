"use client";

import { useQuery } from "@tanstack/react-query";
import type { TOrderBenchmark, TOrderBenchmarks } from "@/lib/contracts/market";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

const byOrder = (data: TOrderBenchmarks) =>
  new Map<string, TOrderBenchmark>(data.benchmarks.map((b) => [b.order_id, b]));

/** Arrival mid and interval VWAP of every unfinished order, by order id (for slippage columns). */
export function useOrderBenchmarks() {
  return useQuery({
    queryKey: queryKeys.orders.benchmarks(),
    queryFn: ({ signal }) => apiFetch<TOrderBenchmarks>("/api/market/order_benchmarks", { signal }),
    select: byOrder,
    staleTime: 30_000,
  });
}
