import { Dec } from "@/lib/domain/shared/decimal";
import type { TStreamFill, TStreamOrder, TStreamPlacement } from "@/lib/contracts/stream";
import type { TRfqOrder } from "@/lib/contracts/rfq";
import type { TrancheEvent } from "../../events/bus";
import { coreStatus } from "../core/status";

/** Live events in the dashboard's terms (the Core Order API's statuses and field names). */
export function streamMessage(
  event: TrancheEvent,
):
  | { event: "order"; data: TStreamOrder }
  | { event: "placement"; data: TStreamPlacement }
  | { event: "fill"; data: TStreamFill }
  | { event: "rfq_order"; data: TRfqOrder } {
  switch (event.type) {
    case "order": {
      const base = new Dec(event.executedBase);
      const quote = new Dec(event.executedQuote);
      const target = new Dec(event.targetQty);
      const executed = event.targetUnit === "quote" ? quote : base;
      const pct = target.gt(0) ? Dec.min(executed.div(target).mul(100), 100) : new Dec(0);
      return {
        event: "order",
        data: {
          id: event.orderId,
          status: coreStatus(event.status),
          executed_qty: executed.toFixed(),
          executed_base: base.toFixed(),
          executed_notional: quote.toFixed(),
          target_order_qty: target.toFixed(),
          pct_filled: pct.toDecimalPlaces(2, Dec.ROUND_DOWN).toFixed(2),
          average_executed_price: base.gt(0) ? quote.div(base).toFixed() : null,
          total_fee: event.totalFee,
          fee_asset: event.feeAsset,
          updated_at: event.updatedAt,
        },
      };
    }
    case "placement":
      return {
        event: "placement",
        data: {
          id: event.placement.id,
          order_id: event.orderId,
          client_id: event.placement.clientId,
          status: event.placement.status.toUpperCase(),
          side: event.placement.side,
          price: event.placement.price,
          qty: event.placement.size,
          filled_qty: event.placement.filled,
          placement_type: event.placement.placementType,
          sub_status: event.placement.subStatus,
        },
      };
    case "fill":
      return {
        event: "fill",
        data: {
          id: event.fill.id,
          order_id: event.orderId,
          placement_id: event.fill.placementId,
          pair: event.fill.pair,
          side: event.fill.side,
          role: event.fill.role,
          executed_price: event.fill.price,
          executed_qty: event.fill.size,
          executed_notional: new Dec(event.fill.price).mul(event.fill.size).toFixed(),
          fee: event.fill.fee,
          fee_asset: event.fill.feeAsset,
          fill_time: event.fill.time,
          external_id: event.fill.externalId,
        },
      };
    case "rfq_order":
      return { event: "rfq_order", data: event.order };
  }
}
