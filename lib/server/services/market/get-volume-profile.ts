import "server-only";
import { fieldError } from "@/lib/domain/shared/errors";
import {
  DEFAULT_PROFILE_BUCKETS,
  DEFAULT_PROFILE_SPAN_MS,
  MAX_PROFILE_SPAN_MS,
  type TVolumeProfile,
} from "@/lib/contracts/market";
import { Dec } from "@/lib/domain/shared/decimal";
import { getPairOrThrow } from "./get-pair-or-throw";
import { isoTime } from "./serializers";

/**
 * The venue's expected market volume over [from, to) in equal buckets: the intraday profile a VWAP
 * schedule follows, for schedule previews. Defaults: from = now, to = from + 1 h, 30 buckets. The
 * range may lie in the future (a scheduled start) or the past.
 */
export async function getVolumeProfile({
  pair,
  from,
  to,
  buckets = DEFAULT_PROFILE_BUCKETS,
  now = Date.now(),
}: {
  pair: string;
  from?: number;
  to?: number;
  buckets?: number;
  now?: number;
}): Promise<TVolumeProfile> {
  const { spec, market } = getPairOrThrow(pair);
  const start = from ?? (to !== undefined ? to - DEFAULT_PROFILE_SPAN_MS : now);
  const end = to ?? start + DEFAULT_PROFILE_SPAN_MS;
  if (start >= end) throw fieldError("from", "must be before to");
  if (end - start > MAX_PROFILE_SPAN_MS) throw fieldError("to", "the range from..to spans more than 7 days");
  if ((end - start) / buckets < 1000)
    throw fieldError("buckets", "too many buckets for the range (each must span at least a second)");

  const edges = Array.from({ length: buckets + 1 }, (_, i) =>
    Math.round(start + ((end - start) * i) / buckets),
  );
  const volumes = edges.slice(0, -1).map((edge, i) => market.expectedVolume(spec.pair, edge, edges[i + 1]!));
  const total = volumes.reduce((sum, volume) => sum.plus(volume), new Dec(0));
  return {
    pair: spec.pair,
    from: isoTime(start),
    to: isoTime(end),
    total_volume: total.toFixed(),
    buckets: volumes.map((volume, i) => ({
      start: isoTime(edges[i]!),
      end: isoTime(edges[i + 1]!),
      volume: volume.toFixed(),
      fraction: total.isZero() ? "0" : volume.div(total).toDecimalPlaces(6).toFixed(),
    })),
  };
}
