"use client";

import { useQuery } from "@tanstack/react-query";
import type { TSigningKeyList } from "@/lib/contracts/signing-keys";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export function useSigningKeys() {
  return useQuery({
    queryKey: queryKeys.signingKeys.all(),
    queryFn: ({ signal }) => apiFetch<TSigningKeyList>("/api/signing_keys/", { signal }),
  });
}
