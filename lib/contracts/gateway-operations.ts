import { z } from "zod";
import type { ApiOperation, ApiSurface } from "./operations";
import {
  ZCancelResponse,
  ZCreateOrderRequest,
  ZCreatedOrder,
  ZExecuteRequest,
  ZExecuteResponse,
  ZFaucetRequest,
  ZFaucetResponse,
  ZGatewayBalanceList,
  ZGatewayOrder,
  ZGatewayOrderList,
  ZGatewayOrderParams,
  ZListOrdersQuery,
  ZQuote,
  ZQuoteRequest,
} from "./gateway";

const ZMessage = z.object({ message: z.string() });
const e = (description: string) => ({ description, schema: ZMessage });
const AUTH = { 401: e("Missing or invalid bearer token."), 403: e("The token lacks the scope.") };

const operations: ApiOperation[] = [
  {
    method: "post",
    path: "/v1/gateway/quotes",
    summary:
      "An indicative quote (CeFi from the simulated venue, DeFi from the pool when `chain` is given); creates nothing.",
    auth: ["read"],
    body: ZQuoteRequest,
    responses: { 200: { description: "The quote.", schema: ZQuote }, 400: e("Malformed request."), ...AUTH },
  },
  {
    method: "post",
    path: "/v1/gateway/orders",
    summary:
      "Create a CeFi order (worked on the caller's paper account) or a DeFi order (`chain`: answered `initialized` with payloads to sign).",
    auth: ["trade"],
    body: ZCreateOrderRequest,
    responses: {
      201: { description: "Created.", schema: ZCreatedOrder },
      400: e("A create rule failed."),
      503: e("Venue unavailable."),
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/v1/gateway/orders/{id}/execute",
    summary:
      "Execute a pending order with one stamp per payload, in payload order (auth_type web_authn or api_key).",
    auth: ["trade"],
    params: ZGatewayOrderParams,
    body: ZExecuteRequest,
    responses: {
      200: { description: "The order's status after execution.", schema: ZExecuteResponse },
      400: e("Malformed or expired payloads, or a signature count mismatch."),
      403: e("A stamp does not verify, or the key or credential is not the caller's."),
      404: e("No such order of the caller's."),
      409: e("The order is not `initialized` (a second execute)."),
      503: e("Venue unavailable."),
      401: e("Missing or invalid bearer token."),
    },
  },
  {
    method: "get",
    path: "/v1/gateway/orders",
    summary: "The caller's orders (status filter, cursor paging, newest first).",
    auth: ["read"],
    query: ZListOrdersQuery,
    responses: {
      200: { description: "A page.", schema: ZGatewayOrderList },
      400: e("Bad filter or cursor."),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/v1/gateway/orders/{id}",
    summary: "One order.",
    auth: ["read"],
    params: ZGatewayOrderParams,
    responses: { 200: { description: "The order.", schema: ZGatewayOrder }, 404: e("Not found."), ...AUTH },
  },
  {
    method: "delete",
    path: "/v1/gateway/orders/{id}",
    summary: "Cancel a pending or active CeFi order.",
    auth: ["trade"],
    params: ZGatewayOrderParams,
    responses: {
      200: { description: "Cancel requested.", schema: ZCancelResponse },
      404: e("Not found."),
      409: e("Not cancelable in its state."),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/v1/gateway/balances",
    summary: "Balances, one row per custody bucket (the CeFi paper account and each chain).",
    auth: ["read"],
    responses: { 200: { description: "Balances.", schema: ZGatewayBalanceList }, ...AUTH },
  },
  {
    method: "post",
    path: "/api/ledger/faucet",
    summary: "Mint test tokens on the offline ledger (admins only).",
    auth: ["admin"],
    body: ZFaucetRequest,
    responses: { 201: { description: "The new balance.", schema: ZFaucetResponse }, ...AUTH },
  },
];

export const GATEWAY_SURFACE: ApiSurface = {
  name: "Gateway (True Markets)",
  description: "Quotes, CeFi and DeFi orders, and passkey- or API-key-signed execution.",
  operations,
  requestSchemas: {
    GatewayQuoteRequest: ZQuoteRequest,
    GatewayCreateOrder: ZCreateOrderRequest,
    GatewayExecute: ZExecuteRequest,
  },
  responseSchemas: { GatewayOrder: ZGatewayOrder, GatewayBalances: ZGatewayBalanceList },
};
