"use client";

import { useQuery } from "@tanstack/react-query";
import type { TUser } from "@/lib/contracts/users";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useUsers({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.users.all(),
    queryFn: ({ signal }) => apiFetch<{ users: TUser[] }>("/api/users/", { signal }),
    enabled,
  });
}
