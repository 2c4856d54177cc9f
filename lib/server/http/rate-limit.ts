import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { Principal } from "../auth/authenticate";
import type { MakerPrincipal } from "../auth/maker-session";
import { clientIp } from "./client-ip";

/**
 * Rate limits, per process (each web instance counts its own requests; several instances behind a
 * proxy multiply the allowance by their number — put a limit in the proxy for a hard cap):
 * - changes (every method but GET/HEAD/OPTIONS): a token bucket per credential (API token, or the
 *   session's user) of TRANCHE_RATE_LIMIT per minute (default 3000, bursts up to as many), and one
 *   per client IP of twice that; `off` turns both off (benchmarks);
 * - live streams (`/api/stream`): at most TRANCHE_STREAM_LIMIT open at once per user (default 20)
 *   and 2.5 times as many per IP.
 * Over a limit: `rate_limited` (429) with Retry-After.
 */
export interface RateLimits {
  changesPerMinute: number;
  streamsPerUser: number;
}

export function rateLimits(env: NodeJS.ProcessEnv = process.env): RateLimits | null {
  const read = (name: string, fallback: number) => {
    const text = env[name]?.trim() ?? "";
    if (text === "") return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`${name} must be a positive whole number or "off", got "${text}".`);
    }
    return value;
  };
  if (env.TRANCHE_RATE_LIMIT?.trim().toLowerCase() === "off") return null;
  return {
    changesPerMinute: read("TRANCHE_RATE_LIMIT", 3000),
    streamsPerUser: read("TRANCHE_STREAM_LIMIT", 20),
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

const state = globalThis as unknown as {
  __trancheBuckets?: Map<string, Bucket>;
  __trancheStreams?: Map<string, number>;
};
const buckets = (state.__trancheBuckets ??= new Map());
const streams = (state.__trancheStreams ??= new Map());

/** Take one token from `key`'s bucket (capacity `perMinute`, refilled continuously); seconds to wait if empty. */
function take(key: string, perMinute: number, now: number): number {
  const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
  // A monotonic clock (performance.now): a wall clock set back must not drain the buckets.
  bucket.tokens = Math.min(perMinute, bucket.tokens + (Math.max(0, now - bucket.at) / 60_000) * perMinute);
  bucket.at = now;
  buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  if (buckets.size > 100_000) prune(now);
  return Math.ceil(((1 - bucket.tokens) / perMinute) * 60);
}

/** Drop buckets that have refilled completely: they hold nothing a new bucket would not. */
function prune(now: number): void {
  for (const [key, bucket] of buckets) if (now - bucket.at > 60_000) buckets.delete(key);
}

const credentialKey = (principal: Principal | MakerPrincipal | null) => {
  if (!principal) return null;
  if ("sessionId" in principal) return `maker:${principal.sessionId}`;
  return principal.tokenId ? `token:${principal.tokenId}` : `user:${principal.userId}`;
};

/** Count a change against its credential and its IP; throws `rate_limited` when either is spent. */
export function limitChange(
  principal: Principal | MakerPrincipal | null,
  request: Request,
  now = performance.now(),
): void {
  const limits = rateLimits();
  if (!limits) return;
  const credential = credentialKey(principal);
  const waits = [
    credential ? take(`change:${credential}`, limits.changesPerMinute, now) : 0,
    take(`change-ip:${clientIp(request.headers)}`, limits.changesPerMinute * 2, now),
  ];
  const wait = Math.max(...waits);
  if (wait > 0) {
    throw new AppError("rate_limited", `Too many requests: slow down and retry in ${wait} seconds.`, {
      retryAfterSeconds: wait,
    });
  }
}

/**
 * Hold a place for one live stream of `userId` from `request`'s IP; the answer releases it (call it
 * once, when the stream ends). Throws `rate_limited` when the user or the IP holds too many.
 */
export function acquireStream(userId: string, request: Request): () => void {
  const limits = rateLimits();
  if (!limits) return () => undefined;
  const keys: [string, number][] = [
    [`user:${userId}`, limits.streamsPerUser],
    [`ip:${clientIp(request.headers)}`, Math.ceil(limits.streamsPerUser * 2.5)],
  ];
  for (const [key, max] of keys) {
    if ((streams.get(key) ?? 0) >= max) {
      throw new AppError(
        "rate_limited",
        `Too many live streams open (at most ${max}): close one and retry.`,
        {
          retryAfterSeconds: 5,
        },
      );
    }
  }
  for (const [key] of keys) streams.set(key, (streams.get(key) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const [key] of keys) {
      const left = (streams.get(key) ?? 1) - 1;
      if (left <= 0) streams.delete(key);
      else streams.set(key, left);
    }
  };
}
