import type { ApiOperation, ApiSurface } from "../operations";
import { ZCoreErrorBody, ZCoreMessage } from "./common";
import {
  ZChainedOrderParams,
  ZChainedOrderRequest,
  ZCoreChainedOrder,
  ZCoreMultiOrder,
  ZCoreMultiOrderPage,
  ZMultiOrderIdBody,
  ZMultiOrderListQuery,
  ZMultiOrderParams,
  ZMultiOrderQuery,
  ZMultiOrderRequest,
} from "./multi-orders";

const error = (description: string) => ({ description, schema: ZCoreErrorBody });
const AUTH = { 401: error("Missing or invalid token."), 403: error("The token lacks the scope.") };
const NOT_FOUND = { 404: error("No such multi-order or chain of the caller's.") };

const operations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/multi_orders/",
    summary:
      "Submit a multi-order: legs worked together, none running ahead of the slowest by more than exposure_tolerance.",
    auth: ["trade"],
    body: ZMultiOrderRequest,
    responses: {
      201: { description: "The multi-order with its legs.", schema: ZCoreMultiOrder },
      400: error(
        "A leg failed validation (`child_orders.<i>.<field>`), fewer than two legs, or a bad tolerance.",
      ),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/multi_orders/",
    summary: "The caller's multi-orders, newest first.",
    auth: ["read"],
    query: ZMultiOrderListQuery,
    responses: { 200: { description: "A page of multi-orders.", schema: ZCoreMultiOrderPage }, ...AUTH },
  },
  {
    method: "get",
    path: "/api/multi_order/{id}",
    summary: "A multi-order and its legs.",
    auth: ["read"],
    params: ZMultiOrderParams,
    query: ZMultiOrderQuery,
    responses: { 200: { description: "The multi-order.", schema: ZCoreMultiOrder }, ...NOT_FOUND, ...AUTH },
  },
  {
    method: "delete",
    path: "/api/multi_order/{id}",
    summary: "Cancel every leg of a multi-order.",
    auth: ["trade"],
    params: ZMultiOrderParams,
    responses: {
      200: { description: "Canceled.", schema: ZCoreMessage },
      422: error("Already finished."),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/api/pause_multi_order/",
    summary: "Pause every running leg.",
    auth: ["trade"],
    body: ZMultiOrderIdBody,
    responses: {
      202: { description: "Paused.", schema: ZCoreMessage },
      422: error("Not running."),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/api/resume_multi_order/",
    summary: "Resume every paused leg.",
    auth: ["trade"],
    body: ZMultiOrderIdBody,
    responses: {
      202: { description: "Resumed.", schema: ZCoreMessage },
      422: error("Not paused."),
      ...NOT_FOUND,
      ...AUTH,
    },
  },
  {
    method: "post",
    path: "/api/chained_orders/",
    summary:
      "Submit orders in batches by priority: a batch starts when every earlier order is fully filled; a partial fill stops the chain.",
    auth: ["trade"],
    body: ZChainedOrderRequest,
    responses: {
      201: { description: "The chain and its orders.", schema: ZCoreChainedOrder },
      400: error(
        "An order failed validation (`orders_in_chain.<i>.order_request.<field>`), or carries a condition.",
      ),
      ...AUTH,
    },
  },
  {
    method: "get",
    path: "/api/chained_orders/{id}",
    summary: "A chain: its orders by priority, and whether it runs, completed or stopped.",
    auth: ["read"],
    params: ZChainedOrderParams,
    responses: { 200: { description: "The chain.", schema: ZCoreChainedOrder }, ...NOT_FOUND, ...AUTH },
  },
];

export const CORE_GROUP_SURFACE: ApiSurface = {
  name: "Core Order API: multi-orders and chains",
  description:
    "Orders worked as a group: multi-order legs within an exposure tolerance, and chains of batches.",
  operations,
  requestSchemas: { MultiOrderRequest: ZMultiOrderRequest, ChainedOrderRequest: ZChainedOrderRequest },
  responseSchemas: { MultiOrder: ZCoreMultiOrder, ChainedOrder: ZCoreChainedOrder },
};
