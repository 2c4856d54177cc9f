"use client";

import { useQuery } from "@tanstack/react-query";
import type { TMeResponse } from "@/lib/contracts/auth";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => apiFetch<TMeResponse>("/api/me", { signal }),
  });
}
