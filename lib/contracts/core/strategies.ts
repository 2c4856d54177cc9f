import type { StrategyName } from "@/lib/domain/orders/types";

/**
 * The Core Order API's strategy UUIDs. Its docs let `strategy` be a UUID from its Type Reference and
 * answer a submit with the strategy's UUID; the real product's ids are per deployment and not
 * published, so Tranche fixes its own here. A name is always accepted too; any other UUID is the
 * documented `"Invalid strategy: <uuid>"`.
 */
export const CORE_STRATEGY_IDS: Record<StrategyName, string> = {
  Market: "e3146dbf-68fa-4ef8-982f-4ed258836915",
  Limit: "0f879246-976f-4d10-b9a6-7a8be591d4df",
  IOC: "d10d5789-e4e4-4cfe-adff-3d73d5aeff64",
  Iceberg: "4255b203-0209-4122-a37f-55332cdaca8c",
  TWAP: "86c8cfb8-741b-478b-875c-85b8bb8bda87",
  VWAP: "323de330-b66e-4470-9995-ace66df2e0a6",
  POV: "59db20ca-ebf2-4c14-b84c-69dcb2114115",
  "Target Time": "daa0ec3f-b954-4446-9e0a-62681b3058de",
  IS: "3a0e4cff-16d6-45cd-b548-73c202e83aec",
};

const BY_ID = new Map(
  Object.entries(CORE_STRATEGY_IDS).map(([name, id]) => [id, name as StrategyName] as const),
);

/** The strategy a Tranche strategy UUID stands for (any case), or null. */
export function strategyById(id: string): StrategyName | null {
  return BY_ID.get(id.toLowerCase()) ?? null;
}
