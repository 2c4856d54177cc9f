"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TRfqOrder } from "@/lib/contracts/rfq";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export type RfqAction =
  | { kind: "lock"; order: TRfqOrder; takerAddress: string }
  | { kind: "unlock"; order: TRfqOrder }
  | { kind: "reject"; order: TRfqOrder; reason: string }
  | { kind: "fill"; order: TRfqOrder; fillQuantity: string; takerIncentive: string };

/** A taker's action on a desk order: lock, unlock, reject with a reason, or fill on the chain. */
export function useRfqAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: RfqAction) => {
      const hash = action.order.order_hash;
      switch (action.kind) {
        case "lock":
          return apiFetch("/api/v1/orders/lock", {
            method: "POST",
            body: { order_hash: hash, taker_address: action.takerAddress },
          });
        case "unlock":
          return apiFetch("/api/v1/orders/unlock", { method: "POST", body: { order_hash: hash } });
        case "reject":
          return apiFetch("/api/v1/orders/reject", {
            method: "POST",
            body: { order_hash: hash, reason: action.reason },
          });
        case "fill":
          return apiFetch("/api/v1/orders/fill", {
            method: "POST",
            body: {
              order: action.order.order,
              signature: action.order.signature,
              fill_quantity: action.fillQuantity,
              taker_incentive: action.takerIncentive,
            },
          });
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.rfq.all() }),
  });
}
