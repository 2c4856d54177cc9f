"use client";

import { useQuery } from "@tanstack/react-query";
import type { TCoreOrderMessage } from "@/lib/contracts/core/orders";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The order's INFO / WARN / ERROR log, newest first (GET /api/order_errors/?order_ids=…). */
export function useOrderMessages(id: string) {
  return useQuery({
    queryKey: queryKeys.orders.messages(id),
    queryFn: async ({ signal }) => {
      const byOrder = await apiFetch<Record<string, TCoreOrderMessage[]>>(
        `/api/order_errors/?order_ids=${encodeURIComponent(id)}`,
        { signal },
      );
      return byOrder[id] ?? byOrder[id.toLowerCase()] ?? [];
    },
  });
}
