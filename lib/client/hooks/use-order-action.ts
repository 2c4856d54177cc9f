"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";

export type OrderAction = "pause" | "resume" | "cancel";

/** One action on one order through its documented endpoint. */
export function runOrderAction(action: OrderAction, orderId: string): Promise<unknown> {
  switch (action) {
    case "pause":
      return apiFetch("/api/pause_order/", { method: "POST", body: { order_id: orderId } });
    case "resume":
      return apiFetch("/api/resume_order/", { method: "POST", body: { order_id: orderId } });
    case "cancel":
      return apiFetch(`/api/order/${encodeURIComponent(orderId)}`, { method: "DELETE" });
  }
}

/**
 * Pause, resume or cancel one order. Actions publish no stream event of their own (the engine's next
 * tick does), so the order's views are refetched when the server has answered.
 */
export function useOrderAction(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: OrderAction) => runOrderAction(action, orderId),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.orders.detail(orderId) });
      void client.invalidateQueries({ queryKey: queryKeys.orders.messages(orderId) });
      void client.invalidateQueries({ queryKey: queryKeys.orders.active() });
      void client.invalidateQueries({ queryKey: queryKeys.orders.lists() });
    },
  });
}
