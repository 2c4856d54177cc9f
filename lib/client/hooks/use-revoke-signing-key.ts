"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TSigningKey } from "@/lib/contracts/signing-keys";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useRevokeSigningKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TSigningKey>(`/api/signing_keys/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.signingKeys.all() }),
  });
}
