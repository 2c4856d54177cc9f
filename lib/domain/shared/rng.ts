/**
 * Seeded randomness for the simulated market. Two tools:
 *
 * - Counter-based hashing (`hashString`, `hashInts`, `uniformOf`, `normalOf`): a random number is a
 *   pure function of its key (seed, pair, level, index…), so any point of a price path or any second
 *   of the tape can be computed directly, in any order, in any process, without replaying a sequence.
 * - `RandomStream`: a sequential generator seeded by such a hash, for drawing several numbers inside
 *   one keyed bucket (the trades of one second).
 *
 * Only 32-bit integer arithmetic (`Math.imul`, shifts) and IEEE-754 basics are used, so results are
 * identical across processes, platforms and Node versions. Not cryptographic.
 */

const TWO_32 = 4294967296;

/** murmur3's finaliser: avalanches every input bit into every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One murmur3 block step: fold a 32-bit word into the running hash. */
function mixWord(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3-32 of a string's UTF-16 code units, optionally chained from a previous hash. */
export function hashString(text: string, seed = 0): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = mixWord(h, text.charCodeAt(i));
  return fmix32(h ^ text.length);
}

/** Fold one safe integer (any sign, up to 2^53) into a hash as two 32-bit words. */
function mixInt(h: number, value: number): number {
  const lo = value >>> 0; // ToUint32 is exact modulo 2^32 for every safe integer
  const hi = Math.floor(value / TWO_32) | 0;
  return mixWord(mixWord(h, lo), hi);
}

/** Hash of a base hash and up to three integer keys; a different key in any slot is a new stream. */
export function hashInts(base: number, a: number, b = 0, c = 0): number {
  let h = mixInt(base, a);
  h = mixInt(h, b);
  h = mixInt(h, c);
  return fmix32(h ^ 24);
}

/** A 32-bit hash as a uniform number in [0, 1). */
export const uniformOf = (hash: number): number => (hash >>> 0) / TWO_32;

/**
 * A 32-bit hash as a standard normal, by the inverse normal CDF (Acklam's rational approximation,
 * relative error < 1.2e-9). One hash per normal; the range is about ±6.2.
 */
export function normalOf(hash: number): number {
  return inverseNormalCdf(((hash >>> 0) + 0.5) / TWO_32);
}

// Acklam's coefficients.
const A0 = -39.69683028665376,
  A1 = 220.9460984245205,
  A2 = -275.9285104469687;
const A3 = 138.357751867269,
  A4 = -30.66479806614716,
  A5 = 2.506628277459239;
const B0 = -54.47609879822406,
  B1 = 161.5858368580409,
  B2 = -155.6989798598866;
const B3 = 66.80131188771972,
  B4 = -13.28068155288572;
const C0 = -0.007784894002430293,
  C1 = -0.3223964580411365,
  C2 = -2.400758277161838;
const C3 = -2.549732539343734,
  C4 = 4.374664141464968,
  C5 = 2.938163982698783;
const D0 = 0.007784695709041462,
  D1 = 0.3224671290700398,
  D2 = 2.445134137142996,
  D3 = 3.754408661907416;
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1). */
export function inverseNormalCdf(p: number): number {
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x =
      (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) /
      ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) /
    (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1)
  );
}

/** ln(k!) — exact sums for small k, Stirling's series above. */
function logFactorial(k: number): number {
  if (k < 16) {
    let sum = 0;
    for (let i = 2; i <= k; i++) sum += Math.log(i);
    return sum;
  }
  const n = k + 1;
  return (n - 0.5) * Math.log(n) - n + 0.9189385332046728 + 1 / (12 * n) - 1 / (360 * n * n * n);
}

/**
 * A sequential generator (a hashed counter, splitmix-style): `new RandomStream(hashInts(…))` gives the
 * same sequence for the same key, independent sequences for different keys.
 */
export class RandomStream {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    return (fmix32(this.state ^ 0x5bd1e995) ^ fmix32(this.state)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return (this.uint32() >>> 0) / TWO_32;
  }

  /** Integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  normal(): number {
    return normalOf(this.uint32());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Log-normal whose logarithm has mean `mu` and standard deviation `sigma`. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Poisson count with mean `lambda`: multiplication method below 10, Hörmann's PTRS above. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 10) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let product = this.next();
      while (product > limit) {
        k++;
        product *= this.next();
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * loglam - logFactorial(k)
      ) {
        return k;
      }
    }
  }
}
