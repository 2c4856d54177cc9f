"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api";
import { queryKeys } from "../query-keys";
import { runOrderAction, type OrderAction } from "./use-order-action";

export interface BulkResult {
  action: OrderAction;
  done: string[];
  failed: { orderId: string; message: string }[];
}

/** Requests in flight at once: enough to be quick, few enough not to swamp the engine's database. */
const CONCURRENCY = 4;

/**
 * Pause, resume or cancel a chosen set of orders, one documented request per order (the Core bulk
 * endpoints act on every order of an account, not on a selection). Never rejects: each order's
 * outcome is in the result, so partial failures can be shown.
 */
export function useBulkOrderAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, orderIds }: { action: OrderAction; orderIds: string[] }) => {
      const result: BulkResult = { action, done: [], failed: [] };
      const queue = [...orderIds];
      const worker = async () => {
        for (let orderId = queue.shift(); orderId !== undefined; orderId = queue.shift()) {
          try {
            await runOrderAction(action, orderId);
            result.done.push(orderId);
          } catch (error) {
            result.failed.push({
              orderId,
              message: error instanceof ApiError || error instanceof Error ? error.message : String(error),
            });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, orderIds.length) }, worker));
      return result;
    },
    onSettled: (_result, _error, { orderIds }) => {
      void client.invalidateQueries({ queryKey: queryKeys.orders.active() });
      void client.invalidateQueries({ queryKey: queryKeys.orders.lists() });
      void client.invalidateQueries({ queryKey: queryKeys.orders.benchmarks() });
      for (const id of orderIds) void client.invalidateQueries({ queryKey: queryKeys.orders.detail(id) });
    },
  });
}
