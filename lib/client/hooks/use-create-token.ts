"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreateTokenRequest, TCreatedToken } from "@/lib/contracts/tokens";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreateTokenRequest) =>
      apiFetch<TCreatedToken>("/api/tokens/", { method: "POST", body: request }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens.all() }),
  });
}
