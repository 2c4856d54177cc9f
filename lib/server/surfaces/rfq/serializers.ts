import type { RfqFill, RfqOrder } from "../../db/generated/client";
import type { TRfqFill, TRfqOrder } from "@/lib/contracts/rfq";
import { orderToWire, type HexAddress, type RfqOrderMessage } from "@/lib/domain/rfq/order";
import { effectiveStatus } from "@/lib/domain/rfq/status";

/** A NUMERIC(78,0) column as an exact integer string. */
const int = (value: { toFixed(): string }): string => value.toFixed();

/** The signed order of a row, as the contract takes it. */
export const rowMessage = (row: RfqOrder): RfqOrderMessage => ({
  maker: row.maker as HexAddress,
  principal: row.principal as HexAddress,
  isBuy: row.isBuy,
  ticker: row.ticker,
  exchange: row.exchange,
  asset: row.asset as HexAddress,
  price: BigInt(int(row.price)),
  quantity: BigInt(int(row.quantity)),
  incentive: BigInt(int(row.incentive)),
  deadline: row.deadline,
  nonce: BigInt(int(row.nonce)),
});

export function serializeRfqOrder(row: RfqOrder, nowMs: number): TRfqOrder {
  const status = effectiveStatus(row, nowMs);
  const held = status === "locked";
  const filled = BigInt(int(row.filledQuantity));
  const open = status === "pending" || status === "locked" || status === "suspended";
  return {
    id: row.id,
    order_hash: row.orderHash,
    order: orderToWire(rowMessage(row)),
    signature: row.signature,
    status,
    filled_quantity: filled.toString(),
    remaining_quantity: open ? (BigInt(int(row.quantity)) - filled).toString() : "0",
    locked_by: held ? row.lockedBy : null,
    locked_at: held ? (row.lockedAt?.toISOString() ?? null) : null,
    lock_expires_at: held ? (row.lockExpiresAt?.toISOString() ?? null) : null,
    reject_reason: row.rejectReason,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function serializeRfqFill(fill: RfqFill & { order: RfqOrder }): TRfqFill {
  return {
    id: fill.id,
    order_id: fill.orderId,
    order_hash: fill.order.orderHash,
    ticker: fill.order.ticker,
    exchange: fill.order.exchange,
    is_buy: fill.order.isBuy,
    principal: fill.order.principal,
    price: int(fill.order.price),
    taker_address: fill.takerAddress,
    tx_hash: fill.txHash,
    fill_quantity: int(fill.fillQuantity),
    filled_amount: int(fill.filledAmount),
    fee_amount: int(fill.feeAmount),
    incentive_amount: int(fill.incentiveAmount),
    status: fill.status === "mined" ? "mined" : "pending",
    block_number: fill.blockNumber?.toString() ?? null,
    created_at: fill.createdAt.toISOString(),
    mined_at: fill.minedAt?.toISOString() ?? null,
  };
}
