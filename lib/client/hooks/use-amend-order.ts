"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCoreMessage } from "@/lib/contracts/core/common";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** What the amend dialog may change (POST /api/amend_order/); absent fields stay as they are. */
export interface AmendChanges {
  base_asset_qty?: string;
  quote_asset_qty?: string;
  duration?: number;
  pov_target?: string;
  /** null clears the limit. */
  limit_price?: string | null;
}

/** Amend a working order; its errors name the fields (`changes.duration: …`), see amendFieldErrors. */
export function useAmendOrder(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: AmendChanges) =>
      apiFetch<TCoreMessage>("/api/amend_order/", { method: "POST", body: { order_id: orderId, changes } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.orders.detail(orderId) });
      void client.invalidateQueries({ queryKey: queryKeys.orders.messages(orderId) });
      void client.invalidateQueries({ queryKey: queryKeys.orders.active() });
    },
  });
}
