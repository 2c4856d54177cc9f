"use client";

import { useId } from "react";
import type { THistogramBin } from "@/lib/contracts/stats";

const W = 480;
const H = 160;
const PLOT = { left: 30, right: W - 8, top: 8, bottom: H - 28 };

const label = (bin: THistogramBin) =>
  bin.from_bps === null
    ? `< ${bin.to_bps}`
    : bin.to_bps === null
      ? `≥ ${bin.from_bps}`
      : `${bin.from_bps} to ${bin.to_bps}`;

/**
 * Distribution of per-order slippage vs arrival (bps, positive = cost): one bar per bin, savings in
 * the buy colour, costs in the sell colour, open-ended tail bins at the edges. SVG, a few dozen bars.
 */
export function SlippageHistogram({ bins, orders }: { bins: THistogramBin[]; orders: number }) {
  const id = useId();
  const peak = Math.max(1, ...bins.map((bin) => bin.count));
  const width = (PLOT.right - PLOT.left) / Math.max(1, bins.length);
  const y = (count: number) => PLOT.bottom - (count / peak) * (PLOT.bottom - PLOT.top);
  const labelEvery = Math.max(1, Math.ceil(bins.length / 8));
  const summary = bins
    .filter((bin) => bin.count > 0)
    .map((bin) => `${label(bin)} bps: ${bin.count}`)
    .join("; ");
  return (
    <figure className="flex flex-col gap-1">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Slippage vs arrival, orders per bin</title>
        <desc id={`${id}-d`}>{`${orders} orders. ${summary}`}</desc>
        {[...new Set([0, Math.floor(peak / 2), peak])].map((count) => (
          <g key={count}>
            <line x1={PLOT.left} x2={PLOT.right} y1={y(count)} y2={y(count)} className="stroke-border" />
            <text x={PLOT.left - 4} y={y(count) + 3} textAnchor="end" className="fill-muted text-[9px]">
              {count}
            </text>
          </g>
        ))}
        {bins.map((bin, i) => {
          const cost = bin.from_bps !== null && Number(bin.from_bps) >= 0;
          return (
            <g key={`${bin.from_bps}:${bin.to_bps}`}>
              <rect
                x={PLOT.left + i * width + 1}
                y={y(bin.count)}
                width={Math.max(1, width - 2)}
                height={PLOT.bottom - y(bin.count)}
                className={cost ? "fill-sell/70" : "fill-buy/70"}
              >
                <title>{`${label(bin)} bps: ${bin.count} orders`}</title>
              </rect>
              {i % labelEvery === 0 ? (
                <text
                  x={PLOT.left + i * width}
                  y={H - 14}
                  textAnchor="start"
                  className="fill-muted text-[9px]"
                >
                  {bin.from_bps ?? `< ${bin.to_bps}`}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={PLOT.right} y={H - 2} textAnchor="end" className="fill-muted text-[9px]">
          bps vs arrival (positive = cost)
        </text>
      </svg>
    </figure>
  );
}
