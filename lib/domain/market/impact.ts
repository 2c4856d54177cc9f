import type { Dec } from "../shared/decimal";
import { sideSign, type Side } from "../shared/side";
import type { ImpactFn } from "./types";

/**
 * Transient price impact of our own fills (a propagator model).
 *
 * Why: the simulated book is regenerated around F(t) at every instant, so a taker that walks it does
 * not deplete it for the next query. The depletion and its refill are modelled here instead: every
 * fill adds its signed size to a "pressure" that decays exponentially (liquidity refills with a time
 * constant of a couple of minutes), and the mid is pushed by k·√(|pressure| / hourly volume) bps in
 * the pressure's direction — the square-root law on the size still "felt" by the book.
 *
 * Applying the square root to the decayed *aggregate* (not to each fill) is what makes slicing pay:
 * one clip of 10 % of an hour's volume moves the price about √10 times as much as a 1 % clip, while
 * ten 1 % clips spread over half an hour each find a mostly refilled book. A per-fill square root
 * would do the opposite (n pieces cost √n more) and reward the worst schedules.
 *
 * Passive (MAKE) fills absorb flow that was coming anyway; they count at a small weight.
 */

export interface ImpactFill {
  time: number;
  side: Side;
  size: Dec | number;
  role: "MAKE" | "TAKE";
}

export interface ImpactOptions {
  /** The pair's typical volume in one hour, base units: the scale of the square-root law. */
  hourlyVolume: Dec | number;
  /** Impact in bps when the pressure equals a whole hour's volume (1 % of it gives k/10 bps). */
  coefficientBps?: number;
  /** Decay time constant of the pressure, ms. */
  decayMs?: number;
  /** Weight of a MAKE fill's size relative to a TAKE fill's. */
  makerWeight?: number;
}

export const DEFAULT_IMPACT_COEFFICIENT_BPS = 25;
export const DEFAULT_IMPACT_DECAY_MS = 120_000;
export const DEFAULT_MAKER_WEIGHT = 0.1;

interface Impulse {
  time: number;
  signedSize: number; // base units, weighted by role
}

export class ImpactTracker {
  private readonly hourlyVolume: number;
  private readonly coefficientBps: number;
  private readonly decayMs: number;
  private readonly makerWeight: number;
  /** Recorded impulses, ascending by time. */
  private impulses: Impulse[] = [];
  /** Pressure of pruned impulses, valued at `residualTime`. */
  private residual = 0;
  private residualTime = Number.NEGATIVE_INFINITY;

  constructor(options: ImpactOptions) {
    this.hourlyVolume =
      typeof options.hourlyVolume === "number" ? options.hourlyVolume : options.hourlyVolume.toNumber();
    if (!(this.hourlyVolume > 0)) throw new RangeError("ImpactTracker: hourlyVolume must be positive");
    this.coefficientBps = options.coefficientBps ?? DEFAULT_IMPACT_COEFFICIENT_BPS;
    this.decayMs = options.decayMs ?? DEFAULT_IMPACT_DECAY_MS;
    this.makerWeight = options.makerWeight ?? DEFAULT_MAKER_WEIGHT;
  }

  /** Records one of our fills. Fills may arrive out of time order. */
  record(fill: ImpactFill): void {
    const size = typeof fill.size === "number" ? fill.size : fill.size.toNumber();
    if (!(size > 0)) return;
    const weight = fill.role === "TAKE" ? 1 : this.makerWeight;
    const impulse = { time: fill.time, signedSize: sideSign(fill.side) * size * weight };
    const list = this.impulses;
    let i = list.length;
    while (i > 0 && list[i - 1]!.time > fill.time) i--;
    list.splice(i, 0, impulse);
  }

  /** Decayed signed size (base units) our fills at or before `time` still press on the book with. */
  pressure(time: number): number {
    let total =
      time >= this.residualTime ? this.residual * Math.exp(-(time - this.residualTime) / this.decayMs) : 0;
    for (const impulse of this.impulses) {
      if (impulse.time > time) break;
      total += impulse.signedSize * Math.exp(-(time - impulse.time) / this.decayMs);
    }
    return total;
  }

  /** Our impact on the mid at `time`, bps (positive = pushed up). */
  offsetBps(time: number): number {
    const pressure = this.pressure(time);
    if (pressure === 0) return 0;
    return Math.sign(pressure) * this.coefficientBps * Math.sqrt(Math.abs(pressure) / this.hourlyVolume);
  }

  /**
   * Folds fills before `before` into one residual, exactly for queries at or after `before` (all
   * impulses share one exponential kernel). Queries earlier than `before` no longer see those fills.
   */
  prune(before: number): void {
    if (before <= this.residualTime) return;
    let folded = this.residual * Math.exp(-(before - this.residualTime) / this.decayMs);
    let keep = 0;
    while (keep < this.impulses.length && this.impulses[keep]!.time < before) {
      const impulse = this.impulses[keep]!;
      folded += impulse.signedSize * Math.exp(-(before - impulse.time) / this.decayMs);
      keep++;
    }
    this.impulses = this.impulses.slice(keep);
    // A residual below 1e-12 of an hour's volume moves nothing; drop it.
    this.residual = Math.abs(folded) < this.hourlyVolume * 1e-12 ? 0 : folded;
    this.residualTime = before;
  }

  /** Number of fills kept individually (for tests and memory checks). */
  get size(): number {
    return this.impulses.length;
  }

  /** This tracker as an `ImpactFn` for `book()` and `trades()`. */
  fn(): ImpactFn {
    return (time) => this.offsetBps(time);
  }
}
