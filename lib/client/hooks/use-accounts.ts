"use client";

import { useQuery } from "@tanstack/react-query";
import type { TCoreAccountList } from "@/lib/contracts/core/accounts";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The caller's trading accounts (GET /api/accounts/), default first. */
export function useAccounts() {
  return useQuery({
    queryKey: queryKeys.accounts.all(),
    queryFn: ({ signal }) => apiFetch<TCoreAccountList>("/api/accounts/", { signal }),
    staleTime: 60_000,
  });
}
