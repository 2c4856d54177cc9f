"use client";

import { useQuery } from "@tanstack/react-query";
import type { TPasskeyList } from "@/lib/contracts/passkeys";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function usePasskeys() {
  return useQuery({
    queryKey: queryKeys.passkeys.all(),
    queryFn: ({ signal }) => apiFetch<TPasskeyList>("/api/passkeys/", { signal }),
  });
}
