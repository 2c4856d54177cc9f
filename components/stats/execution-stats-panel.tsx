"use client";

import { useState } from "react";
import type { TExecutionStatsGroup } from "@/lib/contracts/stats";
import { formatBps, formatDecimal } from "@/lib/client/format";
import { useExecutionStats, type ExecutionStatsFilters } from "@/lib/client/hooks/use-execution-stats";
import { ChoiceGroup } from "@/components/trade/choice-group";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { SlippageHistogram } from "./slippage-histogram";

type Grouping = "strategy" | "size" | "pair";

function Bps({ value }: { value: string | null }) {
  const number = value === null ? 0 : Number(value);
  return (
    <span className={number > 0 ? "text-sell" : number < 0 ? "text-buy" : undefined}>{formatBps(value)}</span>
  );
}

function GroupTable({ caption, groups }: { caption: string; groups: TExecutionStatsGroup[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="py-2 pr-3 font-medium">
              {caption.replace(/^Slippage by /, "").replace(/^./, (c) => c.toUpperCase())}
            </th>
            <th className="pr-3 text-right font-medium">Orders</th>
            <th className="pr-3 text-right font-medium">Notional</th>
            <th className="pr-3 text-right font-medium">vs arrival</th>
            <th className="pr-3 text-right font-medium">median</th>
            <th className="pr-3 text-right font-medium">vs VWAP</th>
            <th className="pr-3 text-right font-medium">median</th>
            <th className="text-right font-medium">Fees</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} className="h-9 border-t border-border">
              <td className="pr-3 font-medium">{group.key}</td>
              <td className="tabular pr-3 text-right">{group.orders}</td>
              <td className="tabular pr-3 text-right">{formatDecimal(group.notional, { maxDecimals: 0 })}</td>
              <td className="tabular pr-3 text-right">
                <Bps value={group.arrival_bps} />
              </td>
              <td className="tabular pr-3 text-right text-muted">{formatBps(group.arrival_bps_median)}</td>
              <td className="tabular pr-3 text-right">
                <Bps value={group.vwap_bps} />
              </td>
              <td className="tabular pr-3 text-right text-muted">{formatBps(group.vwap_bps_median)}</td>
              <td className="tabular text-right">
                {formatDecimal(group.fee_bps, { maxDecimals: 2, minDecimals: 2 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Execution quality of completed orders: slippage vs arrival and vs interval VWAP in bps (positive =
 * cost, means weighted by notional), grouped by strategy, size or pair, and its distribution.
 */
export function ExecutionStatsPanel({ filters }: { filters: ExecutionStatsFilters }) {
  const stats = useExecutionStats(filters);
  const [grouping, setGrouping] = useState<Grouping>("strategy");
  const data = stats.data;
  const groups =
    data && (grouping === "strategy" ? data.by_strategy : grouping === "size" ? data.by_size : data.by_pair);
  return (
    <Panel
      title="Execution statistics"
      actions={<span className="text-xs text-muted">completed orders · bps, positive = cost</span>}
    >
      {stats.isPending ? (
        <LoadingRows rows={6} label="Loading statistics" />
      ) : stats.isError && !data ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : data && data.orders === 0 ? (
        <EmptyState title="No completed orders">
          Statistics appear once orders complete with fills (and match the filters).
        </EmptyState>
      ) : data && groups ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex min-w-0 flex-col gap-3">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="All completed orders">
              {[
                ["Orders", String(data.orders)],
                ["Notional", formatDecimal(data.overall.notional, { maxDecimals: 0 })],
                ["vs arrival", formatBps(data.overall.arrival_bps)],
                ["vs VWAP", formatBps(data.overall.vwap_bps)],
              ].map(([term, value]) => (
                <div key={term} className="rounded-md bg-panel-2 px-3 py-2">
                  <dt className="text-xs text-muted">{term}</dt>
                  <dd className="tabular text-lg font-semibold">{value}</dd>
                </div>
              ))}
            </dl>
            <div className="w-full max-w-sm">
              <ChoiceGroup
                legend="Group by"
                value={grouping}
                onChange={setGrouping}
                choices={[
                  { value: "strategy", label: "Strategy" },
                  { value: "size", label: "Size" },
                  { value: "pair", label: "Pair" },
                ]}
              />
            </div>
            <GroupTable caption={`Slippage by ${grouping}`} groups={groups} />
          </div>
          <div className="flex min-w-0 flex-col gap-2">
            <h3 className="text-xs font-medium text-muted">Distribution of slippage vs arrival</h3>
            <SlippageHistogram bins={data.distribution.bins} orders={data.overall.with_arrival} />
            <p className="text-xs text-muted">
              {data.overall.with_arrival} of {data.orders} orders have an arrival price
              {data.distribution.bin_width_bps ? ` · bins of ${data.distribution.bin_width_bps} bps` : ""}.
            </p>
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
