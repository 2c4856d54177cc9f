import { describe, expect, it } from "vitest";
import { call } from "@/lib/server/testing/api-client";
import { GET as openapi } from "./route";

describe("[API] GET /api/openapi.json", () => {
  it("describes every Core Order API endpoint and the app's own, from the zod contracts, without auth", async () => {
    const response = await call(openapi, { path: "/api/openapi.json" });
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/orders/",
        "POST /api/orders/",
        "GET /api/active_orders/",
        "GET /api/order_summary/{id}",
        "GET /api/orders_with_stats/",
        "GET /api/order/{id}",
        "DELETE /api/order/{id}",
        "GET /api/order_errors/",
        "POST /api/order_messages/",
        "POST /api/pause_order/",
        "POST /api/resume_order/",
        "POST /api/amend_order/",
        "POST /api/cancel_all_orders/",
        "POST /api/pause_all_orders/",
        "POST /api/resume_all_orders/",
        "GET /api/accounts/",
        "GET /api/balances/",
        "GET /api/me",
        "POST /api/tokens/",
        "DELETE /api/tokens/{id}",
        "GET /api/users/",
        "PATCH /api/users/{id}",
      ]),
    );

    const list = doc.paths["/api/orders/"].get;
    expect(list["x-scopes"]).toEqual(["read"]);
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual([
      "statuses",
      "account_names",
      "before",
      "after",
      "custom_order_ids",
      "pairs",
      "page",
      "page_size",
    ]);
    expect(list.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/CoreOrderPage",
    });
    const page = doc.components.schemas.CoreOrderPage;
    expect(page.properties.orders.items).toEqual({ $ref: "#/components/schemas/CoreOrder" });
    const order = doc.components.schemas.CoreOrder;
    expect(order.required).toEqual(expect.arrayContaining(["id", "status", "executed_qty", "limit_price"]));
    expect(order.properties.status.enum).toEqual([
      "SCHEDULED",
      "ACTIVE",
      "PAUSED",
      "FINISHER",
      "COMPLETE",
      "CANCELED",
      "FAILED",
    ]);
    const detailPath = doc.paths["/api/order/{id}"].get.parameters[0];
    expect(detailPath).toMatchObject({ name: "id", in: "path", required: true });
    const submit = doc.paths["/api/orders/"].post;
    expect(submit.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/CoreSubmitOrderRequest",
    });
    expect(doc.components.schemas.CoreSubmitOrderRequest.required).toEqual(
      expect.arrayContaining(["pair", "side", "strategy", "accounts"]),
    );
    expect(doc.components.schemas.CoreStrategyIds.properties.TWAP.const).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc.paths["/api/health"].get.security).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["token", "session", "makerSession"]);
  });

  it("describes every RFQ desk route under /api/v1/, with the maker session for maker routes", async () => {
    const doc = (await call(openapi, { path: "/api/openapi.json" })).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/v1/instruments",
        "GET /api/v1/eip712-domain",
        "GET /api/v1/makers/nonce",
        "POST /api/v1/makers/connect",
        "POST /api/v1/orders",
        "GET /api/v1/orders",
        "POST /api/v1/orders/{id}/cancel",
        "GET /api/v1/orders/maker/next-nonce",
        "POST /api/v1/orders/validate",
        "POST /api/v1/orders/lock",
        "POST /api/v1/orders/unlock",
        "POST /api/v1/orders/fill",
        "POST /api/v1/orders/reject",
        "POST /api/v1/orders/{id}/suspend",
        "POST /api/v1/orders/{id}/resume",
        "GET /api/v1/takers/orders",
        "GET /api/v1/takers/fills",
        "GET /api/v1/takers/wallet",
        "GET /api/v1/takers/balances",
      ]),
    );
    expect(doc.paths["/api/v1/orders"].post.security).toEqual([{ makerSession: [] }]);
    expect(doc.paths["/api/v1/orders/fill"].post["x-scopes"]).toEqual(["taker"]);
    expect(doc.components.schemas.RfqFillRequest.required).toEqual(
      expect.arrayContaining(["order", "signature", "fill_quantity", "taker_incentive"]),
    );
  });
});
