import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch } from "./api";

/** The ApiError apiFetch throws for an answer with this status and JSON body. */
async function errorFor(status: number, body: unknown): Promise<ApiError> {
  vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body), { status }));
  try {
    await apiFetch("/api/anything");
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("apiFetch did not throw");
}

afterEach(() => vi.unstubAllGlobals());

describe("ApiError.fieldErrors", () => {
  it("reads the app's and the Core's `field: message` entries", async () => {
    const app = await errorFor(400, { error: "label: is required", errors: ["label: is required"] });
    expect(app.fieldErrors).toEqual({ label: "is required" });
    const core = await errorFor(400, {
      errors: [
        "engine_passiveness: must be between 0 and 1",
        "strategy_params.max_clip_size: must be at least 100",
      ],
    });
    expect(core.fieldErrors).toEqual({
      engine_passiveness: "must be between 0 and 1",
      "strategy_params.max_clip_size": "must be at least 100",
    });
  });

  it("maps the Core Order API's documented sentences to the fields they are about", async () => {
    const qty = await errorFor(400, {
      errors: ["Need one of the qty fields: ['base_asset_qty', 'quote_asset_qty', 'sell_token_amount']"],
    });
    expect(Object.keys(qty.fieldErrors).sort()).toEqual([
      "base_asset_qty",
      "quote_asset_qty",
      "sell_token_amount",
    ]);
    expect((await errorFor(400, { errors: ["Limit price must be a positive number"] })).fieldErrors).toEqual({
      limit_price: "Limit price must be a positive number",
    });
    expect((await errorFor(400, { errors: ["Invalid buy_token ASDF"] })).fieldErrors).toEqual({
      buy_token: "Invalid buy_token ASDF",
    });
    expect((await errorFor(400, { errors: ["Invalid strategy: Moonshot"] })).fieldErrors).toEqual({
      strategy: "Invalid strategy: Moonshot",
    });
    const missing = await errorFor(400, { error: "Missing required fields: ['pair', 'accounts']" });
    expect(missing.fieldErrors).toEqual({ pair: "is required", accounts: "is required" });
    expect(missing.message).toBe("Missing required fields: ['pair', 'accounts']");
    const account = await errorFor(400, { error: "Account display name 'desk' not found for user" });
    expect(account.fieldErrors).toEqual({ accounts: "Account display name 'desk' not found for user" });
  });

  it("leaves sentences about no field, and a lone error text, unmapped", async () => {
    const broke = await errorFor(422, {
      errors: ["Insufficient balance for order execution: needs about 5 USDT"],
    });
    expect(broke.fieldErrors).toEqual({});
    expect(broke.message).toBe("Insufficient balance for order execution: needs about 5 USDT");
    expect((await errorFor(400, { error: "expires_at: must be in the future" })).fieldErrors).toEqual({});
  });
});
