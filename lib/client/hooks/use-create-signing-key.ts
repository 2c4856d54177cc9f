"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreatedSigningKey } from "@/lib/contracts/signing-keys";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useCreateSigningKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: { public_key: string; label: string }) =>
      apiFetch<TCreatedSigningKey>("/api/signing_keys/", { method: "POST", body: request }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.signingKeys.all() }),
  });
}
