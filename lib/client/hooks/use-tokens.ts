"use client";

import { useQuery } from "@tanstack/react-query";
import type { TTokenList } from "@/lib/contracts/tokens";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens.all(),
    queryFn: ({ signal }) => apiFetch<TTokenList>("/api/tokens/", { signal }),
  });
}
