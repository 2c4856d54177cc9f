"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TUser } from "@/lib/contracts/users";
import type { TRole } from "@/lib/contracts/auth";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...changes
    }: {
      id: string;
      role?: TRole;
      disabled?: boolean;
      api_key_stamps?: boolean;
    }) => apiFetch<TUser>(`/api/users/${id}`, { method: "PATCH", body: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
