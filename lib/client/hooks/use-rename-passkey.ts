"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TPasskey } from "@/lib/contracts/passkeys";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useRenamePasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiFetch<TPasskey>(`/api/passkeys/${id}`, { method: "PATCH", body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.passkeys.all() }),
  });
}
