"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TExecuteResponse } from "@/lib/contracts/gateway";
import { apiFetch } from "../api";
import { stampPayload } from "../passkey-stamp";
import { queryKeys } from "../query-keys";

export interface ExecuteProgress {
  /** Payloads stamped so far. */
  signed: number;
  of: number;
}

/**
 * Stamp each payload with the passkey — one prompt per payload, in order — then execute. A
 * canceled prompt rejects before anything is sent, so the order stays `initialized`.
 */
export function useExecuteGatewayOrder(onProgress?: (progress: ExecuteProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ orderId, payloads }: { orderId: string; payloads: string[] }) => {
      const signatures: string[] = [];
      onProgress?.({ signed: 0, of: payloads.length });
      for (const payload of payloads) {
        signatures.push(await stampPayload(payload));
        onProgress?.({ signed: signatures.length, of: payloads.length });
      }
      return apiFetch<TExecuteResponse>(`/v1/gateway/orders/${orderId}/execute`, {
        method: "POST",
        body: { signatures, auth_type: "web_authn" },
      });
    },
    onSettled: (_result, _error, { orderId }) => {
      void client.invalidateQueries({ queryKey: queryKeys.gateway.order(orderId) });
      void client.invalidateQueries({ queryKey: queryKeys.gateway.balances() });
    },
  });
}
