"use client";

import { useQuery } from "@tanstack/react-query";
import type { TRfqFillPage } from "@/lib/contracts/rfq";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The caller's fills on the RFQ desk, with their transaction hashes. */
export function useRfqFills() {
  return useQuery({
    queryKey: queryKeys.rfq.fills(),
    queryFn: async ({ signal }) =>
      (await apiFetch<{ data: TRfqFillPage }>("/api/v1/takers/fills?page_size=50", { signal })).data,
  });
}
