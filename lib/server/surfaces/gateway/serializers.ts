import type { TCreatedOrder, TGatewayBalance, TGatewayOrder } from "@/lib/contracts/gateway";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { Dec } from "@/lib/domain/shared/decimal";
import type { Fill, Order } from "../../db/generated/client";
import { gatewayStatus } from "./status";

/** Decimal text without exponent or trailing zeros, from a Prisma decimal. */
const text = (value: { toString(): string }): string => new Dec(value.toString()).toFixed();

/** An order in the Gateway's words: statuses mapped, decimals as strings, no internal columns. */
export function serializeGatewayOrder(order: Order, fills?: Fill[]): TGatewayOrder {
  const executedBase = new Dec(order.executedBase.toString());
  const executedQuote = new Dec(order.executedQuote.toString());
  const out: TGatewayOrder = {
    order_id: order.id,
    status: gatewayStatus(order.status as CanonicalStatus, order.strategy),
    base_asset: order.baseAsset,
    quote_asset: order.quoteAsset,
    side: order.side,
    type:
      (order.gatewayType as TGatewayOrder["type"] | null) ??
      (order.strategy === "Limit" ? "limit" : "market"),
    strategy: order.strategy,
    qty: text(order.qtyValue),
    qty_unit:
      (order.gatewayQtyUnit as TGatewayOrder["qty_unit"] | null) ??
      (order.targetUnit === "quote" ? "quote" : "base"),
    price: order.limitPrice ? text(order.limitPrice) : null,
    chain: order.chainName,
    funding:
      order.fundingChain && order.fundingAmount
        ? { chain: order.fundingChain, asset: order.quoteAsset, amount: text(order.fundingAmount) }
        : null,
    executed_qty: executedBase.toFixed(),
    executed_quote_qty: executedQuote.toFixed(),
    avg_price: executedBase.gt(0) ? executedQuote.div(executedBase).toDecimalPlaces(18).toFixed() : null,
    fee: text(order.totalFee),
    fee_asset: order.feeAsset,
    payloads: order.payloads,
    payloads_expire_at: order.payloadsExpiresAt?.toISOString() ?? null,
    tx_hashes: order.txHashes,
    failure_reason: order.failureReason || null,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
  };
  if (fills) {
    out.fills = fills.map((fill) => ({
      price: text(fill.price),
      qty: text(fill.size),
      fee: text(fill.fee),
      fee_asset: fill.feeAsset,
      time: fill.time.toISOString(),
      tx_hash: fill.venue === "amm" ? fill.externalId : null,
    }));
  }
  return out;
}

/** The answer to a create: orders with payloads to stamp (DeFi, funded CeFi) carry them and their expiry. */
export function serializeCreatedOrder(order: Order): TCreatedOrder {
  const created: TCreatedOrder = {
    order_id: order.id,
    status: gatewayStatus(order.status as CanonicalStatus, order.strategy),
  };
  if (order.payloads.length > 0) {
    created.payloads = order.payloads;
    if (order.payloadsExpiresAt) created.expires_at = order.payloadsExpiresAt.toISOString();
  }
  return created;
}

export interface BalanceRow {
  symbol: string;
  available: Dec;
  total: Dec;
  custody: string;
  chain: string | null;
  address: string | null;
  account: string | null;
}

export function serializeBalance(row: BalanceRow): TGatewayBalance {
  return {
    symbol: row.symbol,
    available: row.available.toFixed(),
    total: row.total.toFixed(),
    custody: row.custody,
    chain: row.chain,
    address: row.address,
    account: row.account,
  };
}
