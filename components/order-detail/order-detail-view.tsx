"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useMemo, useState } from "react";
import type { TCoreOrderDetail } from "@/lib/contracts/core/orders";
import { ApiError } from "@/lib/client/api";
import { useCandles } from "@/lib/client/hooks/use-candles";
import { useNow } from "@/lib/client/hooks/use-now";
import { useOrder } from "@/lib/client/hooks/use-order";
import { useVolumeProfile } from "@/lib/client/hooks/use-volume-profile";
import { ProgressChart } from "@/components/charts/progress-chart";
import { formatPct, formatPrice } from "@/components/orders/format";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { MessageLog } from "./message-log";
import { OrderHeader } from "./order-header";
import { OrderStats } from "./order-stats";
import { PlacementsTable } from "./placements-table";
import {
  chartRange,
  executedCurve,
  fillPoints,
  isFinished,
  orderTimes,
  runningVwap,
  scheduledPct,
} from "./order-math";

const CHART_HEIGHT = 340;

/** The chart library loads only here, on its own, after the page is up. */
const PriceChart = dynamic(() => import("@/components/charts/price-chart").then((m) => m.PriceChart), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-panel-2" />,
});

/** One order: header and actions, the market with its fills, progress vs schedule, stats, placements, log. */
export function OrderDetailView({ id }: { id: string }) {
  const order = useOrder(id);
  if (!order.data) {
    if (order.isError) {
      const missing =
        order.error instanceof ApiError && (order.error.status === 404 || order.error.status === 400);
      return missing ? (
        <EmptyState title="Order not found">
          It does not exist or is not yours.{" "}
          <Link href="/orders" className="text-accent underline">
            Back to orders
          </Link>
        </EmptyState>
      ) : (
        <ErrorState error={order.error} onRetry={() => void order.refetch()} />
      );
    }
    return <DetailSkeleton />;
  }
  return <OrderDetailBody order={order.data} />;
}

function OrderDetailBody({ order }: { order: TCoreOrderDetail }) {
  // Fixed at load: the chart's range (and its query key) must not move with the clock.
  const [loadedAt] = useState(() => Date.now());
  const finishedKey = isFinished(order.status) ? order.updated_at : "";
  const range = useMemo(
    () => chartRange(order, loadedAt),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the range depends on these times only
    [order.time_start, order.time_end, finishedKey, loadedAt],
  );
  const candles = useCandles(order.pair, range);
  const times = orderTimes(order);
  const isVwap = order.strategy === "VWAP";
  const profile = useVolumeProfile(isVwap ? order.pair : null, {
    from: times.start,
    to: times.end,
    buckets: 48,
  });
  const now = useNow() ?? loadedAt;

  const fills = useMemo(() => order.fills ?? [], [order.fills]);
  const points = useMemo(() => fillPoints(fills), [fills]);
  const candleList = candles.data?.candles;
  const vwap = useMemo(
    () => (candleList ? runningVwap(candleList, times.start, times.finishedAt ?? times.end) : []),
    [candleList, times.start, times.end, times.finishedAt],
  );
  const executed = useMemo(() => executedCurve(order, fills), [order, fills]);
  const buckets = profile.data?.buckets;
  const volumeSchedule = useMemo(
    () => (buckets ? (at: number) => scheduledPct(at, times.start, times.end, buckets) : undefined),
    [buckets, times.start, times.end],
  );
  const scheduledNow = volumeSchedule ? volumeSchedule(now) : scheduledPct(now, times.start, times.end);
  const executedNow = Number(order.pct_filled ?? 0);

  return (
    <>
      <OrderHeader order={order} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
        <Panel title="Market and fills" className="lg:col-span-2">
          <figure aria-label="Price chart" className="flex flex-col gap-2">
            <div style={{ height: CHART_HEIGHT }} className="relative">
              {candles.isError && !candleList ? (
                <ErrorState error={candles.error} onRetry={() => void candles.refetch()} />
              ) : (
                <PriceChart
                  candles={candleList ?? []}
                  fills={points}
                  side={order.side}
                  vwap={vwap}
                  arrival={order.arrival_price === null ? null : Number(order.arrival_price)}
                  intervalVwap={order.vwap === null ? null : Number(order.vwap)}
                  averagePrice={
                    order.average_executed_price === null ? null : Number(order.average_executed_price)
                  }
                />
              )}
            </div>
            <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
              <span>
                {order.pair} · {range.interval} bars
              </span>
              <span>Arrival {formatPrice(order.arrival_price)}</span>
              <span>Interval VWAP {formatPrice(order.vwap)}</span>
              <span>
                {fills.length} fill{fills.length === 1 ? "" : "s"} (points)
              </span>
            </figcaption>
          </figure>
        </Panel>
        <Panel title="Execution stats">
          <OrderStats order={order} />
        </Panel>
        <Panel title="Executed vs schedule" className="lg:col-span-2">
          <ProgressChart
            start={times.start}
            end={times.end}
            now={now}
            executed={executed}
            volumeSchedule={volumeSchedule}
            label={`Executed ${formatPct(executedNow)} against ${formatPct(scheduledNow)} scheduled by now`}
          />
        </Panel>
        <Panel title="Messages">
          <MessageLog orderId={order.id} />
        </Panel>
        <Panel title="Placements and fills" className="lg:col-span-3">
          <PlacementsTable placements={order.placements} />
        </Panel>
      </div>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" aria-label="Loading the order" className="flex flex-col gap-6">
      <div className="h-[8.5rem] animate-pulse rounded-lg bg-panel-2" />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
        <div
          style={{ height: CHART_HEIGHT + 90 }}
          className="animate-pulse rounded-lg bg-panel-2 lg:col-span-2"
        />
        <div style={{ height: CHART_HEIGHT + 90 }} className="animate-pulse rounded-lg bg-panel-2" />
      </div>
    </div>
  );
}
