import type { ApiSurface } from "@/lib/contracts/operations";
import { APP_SURFACE } from "@/lib/contracts/app-operations";
import { CORE_SURFACE } from "@/lib/contracts/core/operations";
import { CORE_GROUP_SURFACE } from "@/lib/contracts/core/group-operations";
import { TRADING_SURFACE } from "@/lib/contracts/trading-operations";
import { GATEWAY_SURFACE } from "@/lib/contracts/gateway-operations";
import { FILLS_SURFACE } from "@/lib/contracts/fills-operations";
import { RFQ_SURFACE } from "@/lib/contracts/rfq-operations";

/** Every surface /api/openapi.json describes. A new surface adds its `ApiSurface` here. */
export const API_SURFACES: ApiSurface[] = [
  APP_SURFACE,
  CORE_SURFACE,
  CORE_GROUP_SURFACE,
  TRADING_SURFACE,
  GATEWAY_SURFACE,
  FILLS_SURFACE,
  RFQ_SURFACE,
];
