import type { CaseRow, Contender } from "./cases";

/** Aggregation across seeds and pairs, per size bucket and contender, with B-MKT as the yardstick. */

export interface Stat {
  n: number;
  mean: number;
  sd: number;
  se: number;
}

export function stat(values: number[]): Stat {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { n: 0, mean: Number.NaN, sd: Number.NaN, se: Number.NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, se: sd / Math.sqrt(n) };
}

export interface ContenderSummary {
  contender: Contender;
  n: number;
  arrival: Stat;
  reference: Stat;
  ivwap: Stat;
  fees: number;
  /** Mean cost ÷ B-MKT's mean cost, on the same cases. */
  ratioArrival: number;
  ratioReference: number;
  /** Per-case difference to B-MKT (common random numbers): mean ± SE. */
  pairedArrival: Stat;
  pairedReference: Stat;
  completionPct: number;
  passiveShare: number;
  participation: number;
  maxLinearDeviation: number;
  durationMin: number;
  children: number;
  violations: number;
}

const key = (r: CaseRow) => `${r.seed}|${r.pair}|${r.size}`;
const mean = (xs: number[]) => stat(xs).mean;

export function summarize(rows: CaseRow[], size: number, contenders: Contender[]): ContenderSummary[] {
  const bucket = rows.filter((r) => r.size === size);
  const market = new Map(bucket.filter((r) => r.contender === "B-MKT").map((r) => [key(r), r]));
  const marketArrival = mean([...market.values()].map((r) => r.costVsArrivalBps));
  const marketReference = mean([...market.values()].map((r) => r.costVsReferenceBps ?? Number.NaN));
  return contenders.map((contender) => {
    const mine = bucket.filter((r) => r.contender === contender);
    const paired = (pick: (r: CaseRow) => number | null) =>
      stat(
        mine.flatMap((r) => {
          const m = market.get(key(r));
          const a = pick(r);
          const b = m ? pick(m) : null;
          return a === null || b === null ? [] : [a - b];
        }),
      );
    const arrival = stat(mine.map((r) => r.costVsArrivalBps));
    const reference = stat(mine.map((r) => r.costVsReferenceBps ?? Number.NaN));
    return {
      contender,
      n: mine.length,
      arrival,
      reference,
      ivwap: stat(mine.map((r) => r.costVsIntervalVwapBps ?? Number.NaN)),
      fees: mean(mine.map((r) => r.feesBps)),
      ratioArrival: arrival.mean / marketArrival,
      ratioReference: reference.mean / marketReference,
      pairedArrival: paired((r) => r.costVsArrivalBps),
      pairedReference: paired((r) => r.costVsReferenceBps),
      completionPct: mean(mine.map((r) => r.completionPct)),
      passiveShare: mean(mine.map((r) => r.passiveShare)),
      participation: mean(mine.map((r) => r.participation ?? Number.NaN)),
      maxLinearDeviation: mean(mine.map((r) => r.maxLinearDeviation ?? Number.NaN)),
      durationMin: mean(mine.map((r) => r.durationMin)),
      children: mean(mine.map((r) => r.children)),
      violations: mine.reduce((a, r) => a + r.violations, 0),
    };
  });
}

const f = (x: number, digits = 2, width = 7) =>
  (Number.isFinite(x) ? x.toFixed(digits) : "–").padStart(width);

export function table(size: number, summaries: ContenderSummary[]): string {
  const head = [
    "contender".padEnd(12),
    "n".padStart(4),
    "IS bps".padStart(7),
    "±SE".padStart(6),
    "sd".padStart(6),
    "vs F".padStart(7),
    "±SE".padStart(6),
    "vsIVWAP".padStart(7),
    "fees".padStart(6),
    "R(IS)".padStart(6),
    "R(F)".padStart(6),
    "ΔIS vs MKT".padStart(14),
    "done%".padStart(6),
    "pass%".padStart(6),
    "min".padStart(5),
  ].join(" ");
  const lines = summaries.map((s) =>
    [
      s.contender.padEnd(12),
      String(s.n).padStart(4),
      f(s.arrival.mean),
      f(s.arrival.se, 2, 6),
      f(s.arrival.sd, 1, 6),
      f(s.reference.mean),
      f(s.reference.se, 2, 6),
      f(s.ivwap.mean),
      f(s.fees, 2, 6),
      f(s.ratioArrival, 2, 6),
      f(s.ratioReference, 2, 6),
      `${f(s.pairedArrival.mean, 2, 6)} ±${f(s.pairedArrival.se, 2, 5)}`.padStart(14),
      f(s.completionPct, 1, 6),
      f(s.passiveShare * 100, 0, 6),
      f(s.durationMin, 1, 5),
    ].join(" "),
  );
  return [
    `── parent size ${(size * 100).toFixed(1)} % of the interval's expected volume ──`,
    head,
    ...lines,
  ].join("\n");
}
