"use client";

import type { ReactNode } from "react";
import type { TMarketPair, TTicker, TVolumeProfile } from "@/lib/contracts/market";
import { parseDecimal, type Dec } from "@/lib/domain/shared/decimal";
import { decimalsOf, formatDecimal } from "@/lib/client/format";
import { durationSeconds, uses, type OrderFormState } from "./order-form-model";
import { SchedulePreview, scheduleShape, type ScheduleInput } from "./schedule-preview";

/** What the order amounts to at the current price: both quantities, notional, fee, and its schedule. */
export interface OrderEstimate {
  price: Dec | null;
  base: Dec | null;
  notional: Dec | null;
}

/** Both sides of the quantity at `price` (decimals): the typed one exactly, the other derived. */
export function estimateOrder(state: OrderFormState, price: string | null | undefined): OrderEstimate {
  const qty = parseDecimal(state.qty);
  const mid = price ? parseDecimal(price) : null;
  if (!qty || qty.lte(0)) return { price: mid, base: null, notional: null };
  if (state.unit === "base") return { price: mid, base: qty, notional: mid ? qty.times(mid) : null };
  return { price: mid, base: mid && mid.gt(0) ? qty.dividedBy(mid) : null, notional: qty };
}

const number = (text: string, fallback: number) => {
  const value = parseDecimal(text);
  return value ? value.toNumber() : fallback;
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 border-b border-border/60 py-1.5 last:border-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="tabular text-right text-sm">{children}</dd>
    </div>
  );
}

export function OrderSummary({
  state,
  pair,
  ticker,
  profile,
}: {
  state: OrderFormState;
  pair: TMarketPair | undefined;
  ticker: TTicker | undefined;
  profile: TVolumeProfile | undefined;
}) {
  const { price, base, notional } = estimateOrder(state, ticker?.mid ?? pair?.mid);
  const quote = pair?.quote ?? "quote";
  const baseAsset = pair?.base ?? "base";
  const priceDecimals = decimalsOf(pair?.tick_size);
  const sizeDecimals = decimalsOf(pair?.size_step);
  const takesOnly = state.strategy === "Market" || state.strategy === "IOC";
  const maker = pair ? parseDecimal(pair.maker_fee_bps) : null;
  const taker = pair ? parseDecimal(pair.taker_fee_bps) : null;
  const fee = (bps: Dec | null) => (bps && notional ? notional.times(bps).dividedBy(10_000) : null);
  // Cents for fees of a cent or more, else enough places to see them.
  const feeDigits = { maxDecimals: notional && notional.gte(200) ? 2 : 4, minDecimals: 2 };
  const minNotional = pair ? parseDecimal(pair.min_notional) : null;
  const belowMinimum = notional && minNotional ? notional.lt(minNotional) : false;

  const seconds = uses(state, "duration") ? durationSeconds(state) : null;
  const totalVolume = profile ? parseDecimal(profile.total_volume) : null;
  const participation =
    base && totalVolume && totalVolume.gt(0) ? base.dividedBy(totalVolume).times(100) : null;
  const schedule: ScheduleInput | null =
    seconds === null
      ? null
      : {
          strategy: state.strategy,
          durationMs: seconds * 1000,
          alphaTilt: uses(state, "alphaTilt") ? number(state.alphaTilt, 0) : 0,
          discretion: uses(state, "discretion") ? number(state.discretion, 0.06) : 0,
          passiveness: number(state.passiveness, 0.02),
          profile: profile ? profile.buckets.map((bucket) => Number(bucket.fraction)) : null,
        };

  return (
    <div className="flex flex-col gap-4">
      <dl aria-label="Order estimate">
        <Row label="Price (mid)">
          {price ? `${formatDecimal(price, { maxDecimals: priceDecimals })} ${quote}` : "—"}
        </Row>
        <Row label={`Quantity (${baseAsset})`}>
          {base
            ? `${state.unit === "quote" ? "≈ " : ""}${formatDecimal(base, { maxDecimals: sizeDecimals })}`
            : "—"}
        </Row>
        <Row label={`Notional (${quote})`}>
          {notional
            ? `${state.unit === "base" ? "≈ " : ""}${formatDecimal(notional, { maxDecimals: 2 })}`
            : "—"}
        </Row>
        <Row label="Estimated fee">
          {notional && taker ? (
            takesOnly || !maker ? (
              `≈ ${formatDecimal(fee(taker), feeDigits)} ${quote} (taker ${taker.toFixed()} bps)`
            ) : (
              <>
                {formatDecimal(fee(maker), feeDigits)} – {formatDecimal(fee(taker), feeDigits)} {quote}
                <span className="block text-xs text-muted">
                  maker {maker.toFixed()} bps … taker {taker.toFixed()} bps
                </span>
              </>
            )
          ) : (
            "—"
          )}
        </Row>
        <Row label="Share of expected volume">
          {participation ? `${formatDecimal(participation, { maxDecimals: 2 })} %` : "—"}
        </Row>
      </dl>
      {belowMinimum ? (
        <p className="text-xs text-warn">
          Below the venue&apos;s minimum order notional ({pair?.min_notional} {quote}).
        </p>
      ) : null}
      <div className="min-h-[11rem]">
        {schedule && scheduleShape(schedule) ? (
          <SchedulePreview input={schedule} />
        ) : (
          <p className="flex h-40 items-center justify-center rounded-md border border-dashed border-border px-4 text-center text-xs text-muted">
            {seconds === null && uses(state, "duration")
              ? "Enter a duration to preview the schedule."
              : (state.strategy === "VWAP" || state.strategy === "POV") && !profile && seconds !== null
                ? "Loading the volume profile…"
                : `${state.strategy} follows no time schedule.`}
          </p>
        )}
      </div>
    </div>
  );
}
