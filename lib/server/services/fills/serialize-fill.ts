import "server-only";
import { FILL_CSV_COLUMNS, type TFill } from "@/lib/contracts/fills";
import { decText } from "../../surfaces/core/values";
import type { FillWithStrategy } from "./fill-query";

/** A fill as the app's endpoints answer it: decimals as exact text, times ISO 8601 UTC. */
export function serializeFill(fill: FillWithStrategy, accountNames: Map<string, string>): TFill {
  return {
    id: fill.id,
    time: fill.time.toISOString(),
    order_id: fill.orderId,
    placement_id: fill.placementId,
    account_name: accountNames.get(fill.accountId) ?? fill.accountId,
    venue: fill.venue,
    pair: fill.pair,
    side: fill.side,
    role: fill.role,
    strategy: fill.order.strategy,
    price: decText(fill.price),
    qty: decText(fill.size),
    notional: decText(fill.notional),
    fee: decText(fill.fee),
    fee_asset: fill.feeAsset,
    external_id: fill.externalId,
  };
}

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const FILL_CSV_HEADER = `${FILL_CSV_COLUMNS.join(",")}\r\n`;

/** One CSV line of a fill, in FILL_CSV_COLUMNS order. */
export function fillCsvLine(fill: TFill): string {
  const cells: Record<(typeof FILL_CSV_COLUMNS)[number], string> = {
    time: fill.time,
    fill_id: fill.id,
    order_id: fill.order_id,
    placement_id: fill.placement_id,
    account: fill.account_name,
    venue: fill.venue,
    pair: fill.pair,
    side: fill.side,
    role: fill.role,
    strategy: fill.strategy,
    price: fill.price,
    qty: fill.qty,
    notional: fill.notional,
    fee: fill.fee,
    fee_asset: fill.fee_asset,
    external_id: fill.external_id,
  };
  return `${FILL_CSV_COLUMNS.map((column) => csvField(cells[column])).join(",")}\r\n`;
}
