"use client";

import { useQuery } from "@tanstack/react-query";
import type { TGatewayBalanceList } from "@/lib/contracts/gateway";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** Balances per custody bucket: the CeFi paper account, and the custodial address on each chain. */
export function useGatewayBalances() {
  return useQuery({
    queryKey: queryKeys.gateway.balances(),
    queryFn: ({ signal }) => apiFetch<TGatewayBalanceList>("/v1/gateway/balances", { signal }),
  });
}
