"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCoreSubmittedOrder } from "@/lib/contracts/core/orders";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The body of POST /api/orders/ as the order form builds it (the server validates every field). */
export type SubmitOrderBody = Record<string, unknown>;

/** Submit a parent order (POST /api/orders/); its 400s carry the fields at fault (ApiError.fieldErrors). */
export function useSubmitOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitOrderBody) =>
      apiFetch<TCoreSubmittedOrder>("/api/orders/", { method: "POST", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.orders.all() });
      void client.invalidateQueries({ queryKey: queryKeys.balances.all() });
    },
  });
}
