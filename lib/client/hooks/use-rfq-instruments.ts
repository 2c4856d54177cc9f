"use client";

import { useQuery } from "@tanstack/react-query";
import type { TInstruments } from "@/lib/contracts/rfq";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

/** The desk's listings, stablecoin and fee rate. */
export function useRfqInstruments() {
  return useQuery({
    queryKey: [...queryKeys.rfq.all(), "instruments"],
    queryFn: async ({ signal }) =>
      (await apiFetch<{ data: TInstruments }>("/api/v1/instruments", { signal })).data,
    staleTime: 300_000,
  });
}
