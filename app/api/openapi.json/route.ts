import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { getOpenApiDocument } from "@/lib/server/openapi/get-openapi-document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json — the OpenAPI 3.1 document, generated from the zod contracts (no auth)
export const GET = handler({ dialect: coreDialect, auth: "public" }, async () => getOpenApiDocument());
