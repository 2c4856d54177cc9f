import "server-only";
import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import { formatBps, intervalVwap, slippageBps } from "@/lib/domain/analytics/stats";
import type { Side } from "@/lib/domain/shared/side";
import type {
  TExecutionStats,
  TExecutionStatsGroup,
  TExecutionStatsQuery,
  THistogramBin,
  TSizeBucketGroup,
} from "@/lib/contracts/stats";
import { db, type Prisma } from "../../db";
import { resolveAccountNames } from "../accounts/resolve-accounts";
import { decText, toDec } from "../../surfaces/core/values";

/**
 * GET /api/stats/executions: how the caller's completed orders did against the market. Each order's
 * figures come from what the engine recorded on it (executed base and quote, arrival mid, others'
 * volume and notional over its interval) through the domain's analytics, in decimals throughout;
 * only the final basis points become text. Groups weight each order by its executed notional.
 */

/** Edges of the size buckets, in quote units of executed notional. */
const SIZE_EDGES = ["0", "1000", "10000", "100000", "1000000"] as const;
const SIZE_LABELS = ["< 1k", "1k–10k", "10k–100k", "100k–1M", "≥ 1M"] as const;

/** About this many bins cover the central 98 % of the distribution; the tails get one bin each. */
const TARGET_BINS = 20;
/** Bins are never finer than this: slippage is not known to better than a fraction of a bp. */
const MIN_BIN_BPS = new Dec("0.5");

interface OrderFigures {
  strategy: string;
  pair: string;
  notional: Dec;
  arrivalBps: Dec | null;
  vwapBps: Dec | null;
  /** Fees in the quote asset, when they can be valued. */
  feeQuote: Dec | null;
}

class GroupTotals {
  orders = 0;
  notional = ZERO;
  private arrivalWeighted = ZERO;
  private arrivalNotional = ZERO;
  private vwapWeighted = ZERO;
  private vwapNotional = ZERO;
  private fees = ZERO;
  private feeNotional = ZERO;
  private readonly arrival: Dec[] = [];
  private readonly vwap: Dec[] = [];

  add(order: OrderFigures): void {
    this.orders += 1;
    this.notional = this.notional.plus(order.notional);
    if (order.arrivalBps) {
      this.arrival.push(order.arrivalBps);
      this.arrivalWeighted = this.arrivalWeighted.plus(order.arrivalBps.times(order.notional));
      this.arrivalNotional = this.arrivalNotional.plus(order.notional);
    }
    if (order.vwapBps) {
      this.vwap.push(order.vwapBps);
      this.vwapWeighted = this.vwapWeighted.plus(order.vwapBps.times(order.notional));
      this.vwapNotional = this.vwapNotional.plus(order.notional);
    }
    if (order.feeQuote) {
      this.fees = this.fees.plus(order.feeQuote);
      this.feeNotional = this.feeNotional.plus(order.notional);
    }
  }

  figures(key: string): TExecutionStatsGroup {
    const mean = (weighted: Dec, notional: Dec) =>
      notional.isZero() ? null : formatBps(weighted.dividedBy(notional));
    return {
      key,
      orders: this.orders,
      notional: decText(this.notional.toSignificantDigits(18)),
      arrival_bps: mean(this.arrivalWeighted, this.arrivalNotional),
      arrival_bps_median: median(this.arrival),
      vwap_bps: mean(this.vwapWeighted, this.vwapNotional),
      vwap_bps_median: median(this.vwap),
      fee_bps: this.feeNotional.isZero()
        ? null
        : formatBps(this.fees.dividedBy(this.feeNotional).times(10_000)),
      with_arrival: this.arrival.length,
      with_vwap: this.vwap.length,
    };
  }
}

function median(values: Dec[]): string | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).dividedBy(2);
  return formatBps(value);
}

/** Element at quantile q of sorted values (nearest rank). */
const quantile = (sorted: Dec[], q: number): Dec =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/** A round bin width (1, 2 or 5 × 10^k bps) giving about TARGET_BINS bins over `span`. */
function niceWidth(span: Dec): Dec {
  const raw = span.dividedBy(TARGET_BINS);
  if (raw.lte(MIN_BIN_BPS)) return MIN_BIN_BPS;
  const power = new Dec(10).pow(Math.floor(Math.log10(raw.toNumber())));
  for (const step of [1, 2, 5]) {
    const width = power.times(step);
    if (width.gte(raw)) return width;
  }
  return power.times(10);
}

/** Histogram of per-order slippage: round bins over the 1st–99th percentile, open tails beyond. */
export function slippageHistogram(values: Dec[]): { width: Dec | null; bins: THistogramBin[] } {
  if (values.length === 0) return { width: null, bins: [] };
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const low = quantile(sorted, 0.01);
  const high = quantile(sorted, 0.99);
  const width = niceWidth(high.minus(low));
  const start = low.dividedBy(width).floor().times(width);
  let end = high.dividedBy(width).floor().plus(1).times(width);
  if (end.lte(start)) end = start.plus(width);
  const count = end.minus(start).dividedBy(width).round().toNumber();
  const counts = new Array<number>(count).fill(0);
  let under = 0;
  let over = 0;
  for (const value of sorted) {
    if (value.lt(start)) under += 1;
    else if (value.gte(end)) over += 1;
    else counts[Math.min(count - 1, value.minus(start).dividedBy(width).floor().toNumber())]! += 1;
  }
  const bins: THistogramBin[] = counts.map((n, i) => ({
    from_bps: start.plus(width.times(i)).toFixed(),
    to_bps: start.plus(width.times(i + 1)).toFixed(),
    count: n,
  }));
  if (under > 0) bins.unshift({ from_bps: null, to_bps: start.toFixed(), count: under });
  if (over > 0) bins.push({ from_bps: end.toFixed(), to_bps: null, count: over });
  return { width, bins };
}

function sizeBucket(notional: Dec): number {
  for (let i = SIZE_EDGES.length - 1; i > 0; i--) if (notional.gte(SIZE_EDGES[i]!)) return i;
  return 0;
}

export async function getExecutionStats({
  userId,
  query,
}: {
  userId: string;
  query: TExecutionStatsQuery;
}): Promise<TExecutionStats> {
  const prisma = await db();
  const where: Prisma.OrderWhereInput = { userId, status: "complete", executedBase: { gt: 0 } };
  if (query.pair) where.pair = query.pair;
  if (query.from !== undefined || query.to !== undefined) {
    where.completedAt = {
      ...(query.from !== undefined ? { gte: new Date(query.from) } : {}),
      ...(query.to !== undefined ? { lt: new Date(query.to) } : {}),
    };
  }
  if (query.account_names?.length) {
    const accounts = await resolveAccountNames(prisma, userId, query.account_names);
    where.accountIds = { hasSome: accounts.map((account) => account.id) };
  }
  // Completed orders never change, so the figures change only when one more completes: a cheap
  // count and latest completion time decide whether the last answer for this query still holds
  // (the dashboard refetches these after fills, many times a minute while orders work).
  const key = JSON.stringify(where);
  const seen = await prisma.order.aggregate({ where, _count: { _all: true }, _max: { completedAt: true } });
  const stamp = `${seen._count._all}:${seen._max.completedAt?.getTime() ?? 0}`;
  const cached = answers.get(key);
  if (cached?.stamp === stamp) {
    answers.delete(key); // most recently used last
    answers.set(key, cached);
    return cached.stats;
  }
  const stats = await computeStats(prisma, where);
  answers.set(key, { stamp, stats });
  if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
  return stats;
}

/** The last answers, per query (the caller's id is in every `where`), least recently used first. */
const answers = new Map<string, { stamp: string; stats: TExecutionStats }>();
const ANSWERS_KEPT = 256;

async function computeStats(
  prisma: Awaited<ReturnType<typeof db>>,
  where: Prisma.OrderWhereInput,
): Promise<TExecutionStats> {
  const rows = await prisma.order.findMany({
    where,
    select: {
      side: true,
      strategy: true,
      pair: true,
      baseAsset: true,
      quoteAsset: true,
      executedBase: true,
      executedQuote: true,
      arrivalPrice: true,
      intervalVolume: true,
      intervalNotional: true,
      totalFee: true,
      feeAsset: true,
    },
  });

  const overall = new GroupTotals();
  const byStrategy = new Map<string, GroupTotals>();
  const byPair = new Map<string, GroupTotals>();
  const bySize = SIZE_LABELS.map(() => new GroupTotals());
  const arrivalValues: Dec[] = [];
  const groupOf = (map: Map<string, GroupTotals>, key: string) => {
    let group = map.get(key);
    if (!group) map.set(key, (group = new GroupTotals()));
    return group;
  };

  for (const row of rows) {
    const side = row.side as Side;
    const base = toDec(row.executedBase);
    const notional = toDec(row.executedQuote);
    const average = notional.dividedBy(base);
    const vwap = intervalVwap({ volume: toDec(row.intervalVolume), notional: toDec(row.intervalNotional) });
    const fee = toDec(row.totalFee);
    const figures: OrderFigures = {
      strategy: row.strategy,
      pair: row.pair,
      notional,
      arrivalBps: slippageBps(side, average, row.arrivalPrice === null ? null : toDec(row.arrivalPrice)),
      vwapBps: slippageBps(side, average, vwap),
      feeQuote: fee.isZero()
        ? ZERO
        : row.feeAsset === row.quoteAsset
          ? fee
          : row.feeAsset === row.baseAsset
            ? fee.times(average)
            : null,
    };
    overall.add(figures);
    groupOf(byStrategy, row.strategy).add(figures);
    groupOf(byPair, row.pair).add(figures);
    bySize[sizeBucket(notional)]!.add(figures);
    if (figures.arrivalBps) arrivalValues.push(figures.arrivalBps);
  }

  const sorted = (map: Map<string, GroupTotals>) =>
    [...map.entries()]
      .sort(([a, x], [b, y]) => y.notional.comparedTo(x.notional) || a.localeCompare(b))
      .map(([key, group]) => group.figures(key));
  const histogram = slippageHistogram(arrivalValues);
  return {
    orders: rows.length,
    overall: overall.figures("all"),
    by_strategy: sorted(byStrategy),
    by_size: bySize.map((group, i): TSizeBucketGroup => ({
      ...group.figures(SIZE_LABELS[i]!),
      min_notional: SIZE_EDGES[i]!,
      max_notional: SIZE_EDGES[i + 1] ?? null,
    })),
    by_pair: sorted(byPair),
    distribution: {
      benchmark: "arrival",
      bin_width_bps: histogram.width === null ? null : histogram.width.toFixed(),
      bins: histogram.bins,
    },
  };
}
