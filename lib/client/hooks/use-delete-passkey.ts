"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useDeletePasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/passkeys/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.passkeys.all() }),
  });
}
