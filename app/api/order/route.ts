import { AppError, handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";

export const dynamic = "force-dynamic";

const noId = async (): Promise<never> => {
  throw new AppError("bad_request", "No order ID given!");
};

// GET /api/order/ — no id in the path: the documented 400
export const GET = handler(
  { dialect: coreDialectFor("GET /api/order/{id}"), auth: { scopes: ["read"] } },
  noId,
);

// DELETE /api/order/ — no id in the path: the documented 400
export const DELETE = handler(
  { dialect: coreDialectFor("DELETE /api/order/{id}"), auth: { scopes: ["trade"] } },
  noId,
);
