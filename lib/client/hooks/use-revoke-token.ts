"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TToken } from "@/lib/contracts/tokens";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiFetch<TToken>(`/api/tokens/${tokenId}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens.all() }),
  });
}
