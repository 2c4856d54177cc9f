import { AppError, handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";

export const dynamic = "force-dynamic";

// GET /api/order_summary/ — no id in the path: the documented 400
export const GET = handler(
  { dialect: coreDialectFor("GET /api/order_summary/{id}"), auth: { scopes: ["read"] } },
  async () => {
    throw new AppError("bad_request", "No order ID given!");
  },
);
