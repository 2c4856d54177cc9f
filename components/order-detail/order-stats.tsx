import type { TCoreOrderDetail } from "@/lib/contracts/core/orders";
import { formatBps, formatPct, formatPrice, formatQty, slippageBps } from "@/components/orders/format";
import { filledBase } from "./order-math";

function Stat({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`tabular text-sm font-medium ${tone ?? ""}`}>{value}</dd>
    </div>
  );
}

const tone = (bps: number | null) => (bps === null ? "text-muted" : bps > 0 ? "text-sell" : "text-buy");

/**
 * The order's execution figures: benchmarks (arrival, departure, interval VWAP), what it paid, its
 * slippage against them (bps, positive is a cost), its share of the market's volume, and fees.
 */
export function OrderStats({ order }: { order: TCoreOrderDetail }) {
  const fills = order.fills ?? [];
  const own = filledBase(fills);
  const market = Number(order.interval_volume ?? 0);
  const participation = own > 0 && own + market > 0 ? (own / (own + market)) * 100 : null;
  const vsArrival = slippageBps(order.side, order.average_executed_price, order.arrival_price);
  const vsVwap = slippageBps(order.side, order.average_executed_price, order.vwap);
  const quote = order.pair.slice(order.pair.lastIndexOf("-") + 1);
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-2">
      <Stat label="Arrival price" value={formatPrice(order.arrival_price)} />
      <Stat label="Departure price" value={formatPrice(order.departure_price)} />
      <Stat label="Interval VWAP" value={formatPrice(order.vwap)} />
      <Stat label="Average fill price" value={formatPrice(order.average_executed_price)} />
      <Stat label="Slippage vs arrival" value={formatBps(vsArrival)} tone={tone(vsArrival)} />
      <Stat label="Slippage vs VWAP" value={formatBps(vsVwap)} tone={tone(vsVwap)} />
      <Stat label="Participation" value={participation === null ? "—" : formatPct(participation, 2)} />
      <Stat label="Fills" value={String(fills.length)} />
      <Stat
        label="Notional"
        value={order.executed_notional === null ? "—" : `${formatQty(order.executed_notional, 2)} ${quote}`}
      />
      <Stat
        label="Fees"
        value={order.total_fee === null ? "—" : `${formatQty(order.total_fee, 6)} ${order.fee_asset ?? ""}`}
      />
    </dl>
  );
}
