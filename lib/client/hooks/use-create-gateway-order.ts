"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreateOrderRequest, TCreatedOrder } from "@/lib/contracts/gateway";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** POST /v1/gateway/orders: a DeFi order comes back `initialized` with the payloads to stamp. */
export function useCreateGatewayOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreateOrderRequest) =>
      apiFetch<TCreatedOrder>("/v1/gateway/orders", { method: "POST", body: request }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.gateway.all() }),
  });
}
