import type { ApiSurface } from "@/lib/contracts/operations";
import { APP_SURFACE } from "@/lib/contracts/app-operations";
import { CORE_SURFACE } from "@/lib/contracts/core/operations";

/** Every surface /api/openapi.json describes. A new surface adds its `ApiSurface` here. */
export const API_SURFACES: ApiSurface[] = [APP_SURFACE, CORE_SURFACE];
