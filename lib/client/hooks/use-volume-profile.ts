"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TVolumeProfile } from "@/lib/contracts/market";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export interface VolumeProfileParams {
  /** Epoch ms; the server defaults to now. */
  from?: number;
  /** Epoch ms; the server defaults to from + 1 h. */
  to?: number;
  buckets?: number;
}

/** The venue's expected volume per bucket over a range: the curve a VWAP schedule follows. */
export function useVolumeProfile(pair: string | null, params: VolumeProfileParams) {
  return useQuery({
    queryKey: queryKeys.market.volumeProfile(pair ?? "", params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      if (params.from !== undefined) search.set("from", String(Math.round(params.from)));
      if (params.to !== undefined) search.set("to", String(Math.round(params.to)));
      if (params.buckets !== undefined) search.set("buckets", String(params.buckets));
      return apiFetch<TVolumeProfile>(`/api/market/${encodeURIComponent(pair!)}/volume_profile?${search}`, {
        signal,
      });
    },
    enabled: pair !== null && pair !== "",
    // The profile is a fixed curve: the same range always gives the same answer.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
