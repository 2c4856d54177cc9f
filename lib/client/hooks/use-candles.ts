"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TCandleInterval, TCandles } from "@/lib/contracts/market";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export interface CandlesParams {
  /** Epoch ms. */
  from: number;
  /** Epoch ms; now when absent (the last bar keeps growing). */
  to?: number;
  interval: TCandleInterval;
}

/** OHLCV bars of the venue's tape; refreshed every `refreshMs` while the range is open-ended. */
export function useCandles(
  pair: string | null,
  params: CandlesParams,
  { refreshMs = 5_000 }: { refreshMs?: number } = {},
) {
  return useQuery({
    queryKey: queryKeys.market.candles(pair ?? "", params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({
        from: String(Math.round(params.from)),
        interval: params.interval,
      });
      if (params.to !== undefined) search.set("to", String(Math.round(params.to)));
      return apiFetch<TCandles>(`/api/market/${encodeURIComponent(pair!)}/candles?${search}`, { signal });
    },
    enabled: pair !== null && pair !== "",
    refetchInterval: params.to === undefined ? refreshMs : false,
    placeholderData: keepPreviousData,
  });
}
