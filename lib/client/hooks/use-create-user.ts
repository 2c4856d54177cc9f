"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TUser } from "@/lib/contracts/users";
import type { TRole } from "@/lib/contracts/auth";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: { email: string; password: string; role: TRole }) =>
      apiFetch<TUser>("/api/users/", { method: "POST", body: request }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
