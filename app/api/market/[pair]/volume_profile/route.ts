import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { ZMarketPairParams, ZVolumeProfileQuery } from "@/lib/contracts/market";
import { getVolumeProfile } from "@/lib/server/services/market/get-volume-profile";

export const dynamic = "force-dynamic";

// GET /api/market/{pair}/volume_profile?from&to&buckets — expected market volume per bucket
export const GET = handler(
  {
    dialect: coreDialect,
    auth: { scopes: ["read"] },
    params: ZMarketPairParams,
    query: ZVolumeProfileQuery,
  },
  ({ params, query }) =>
    getVolumeProfile({ pair: params.pair, from: query.from, to: query.to, buckets: query.buckets }),
);
