/**
 * The RFQ desk's order: the EIP-712 type RFQSettlement verifies, the wire form of the seed
 * (snake_case, integers as decimal strings in token base units) and the fill arithmetic. Pure: the
 * chain, the signature check and the clock live in lib/server.
 */

/** EIP-712 domain name and version of RFQSettlement (chain id and contract come from the chain). */
export const RFQ_DOMAIN = { name: "RFQSettlement", version: "1" } as const;

/** `Order(address maker,address principal,bool isBuy,string ticker,uint16 exchange,address asset,uint256 price,uint256 quantity,uint256 incentive,uint64 deadline,uint256 nonce)` */
export const ORDER_TYPES = {
  Order: [
    { name: "maker", type: "address" },
    { name: "principal", type: "address" },
    { name: "isBuy", type: "bool" },
    { name: "ticker", type: "string" },
    { name: "exchange", type: "uint16" },
    { name: "asset", type: "address" },
    { name: "price", type: "uint256" },
    { name: "quantity", type: "uint256" },
    { name: "incentive", type: "uint256" },
    { name: "deadline", type: "uint64" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

export type HexAddress = `0x${string}`;

/** The order as signed (the struct RFQSettlement takes). */
export interface RfqOrderMessage {
  maker: HexAddress;
  principal: HexAddress;
  isBuy: boolean;
  ticker: string;
  exchange: number;
  asset: HexAddress;
  price: bigint;
  quantity: bigint;
  incentive: bigint;
  deadline: bigint;
  nonce: bigint;
}

/** The seed's wire form of an order. */
export interface RfqOrderWire {
  maker: string;
  principal: string;
  is_buy: boolean;
  ticker: string;
  exchange: number;
  asset: string;
  price: string;
  quantity: string;
  incentive: string;
  deadline: number | string;
  nonce: number | string;
}

const UINT256_MAX = (1n << 256n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

export class OrderFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** An unsigned integer from a decimal string (or a safe JS integer), within `max`. */
export function parseUint(field: string, value: string | number, max = UINT256_MAX): bigint {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new OrderFieldError(field, "must be a non-negative integer (send large values as strings)");
    return BigInt(value);
  }
  if (!/^\d{1,78}$/.test(value))
    throw new OrderFieldError(field, "must be a non-negative integer in base units, as a decimal string");
  const parsed = BigInt(value);
  if (parsed > max) throw new OrderFieldError(field, "is out of range");
  return parsed;
}

/** Wire → message. Addresses are only shape-checked here (checksumming is the server's). */
export function orderFromWire(wire: RfqOrderWire): RfqOrderMessage {
  const address = (field: string, value: string): HexAddress => {
    if (!/^0x[0-9a-fA-F]{40}$/.test(value)) throw new OrderFieldError(field, "must be a 0x address");
    return value as HexAddress;
  };
  if (!Number.isInteger(wire.exchange) || wire.exchange < 0 || wire.exchange > 65535)
    throw new OrderFieldError("order.exchange", "must be an integer from 0 to 65535");
  return {
    maker: address("order.maker", wire.maker),
    principal: address("order.principal", wire.principal),
    isBuy: wire.is_buy,
    ticker: wire.ticker,
    exchange: wire.exchange,
    asset: address("order.asset", wire.asset),
    price: parseUint("order.price", wire.price),
    quantity: parseUint("order.quantity", wire.quantity),
    incentive: parseUint("order.incentive", wire.incentive),
    deadline: parseUint("order.deadline", wire.deadline, UINT64_MAX),
    nonce: parseUint("order.nonce", wire.nonce),
  };
}

export function orderToWire(order: RfqOrderMessage): RfqOrderWire {
  return {
    maker: order.maker,
    principal: order.principal,
    is_buy: order.isBuy,
    ticker: order.ticker,
    exchange: order.exchange,
    asset: order.asset,
    price: order.price.toString(),
    quantity: order.quantity.toString(),
    incentive: order.incentive.toString(),
    deadline: Number(order.deadline),
    nonce: order.nonce.toString(),
  };
}

export interface FillAmounts {
  /** price × fill_quantity */
  filledAmount: bigint;
  /** filled_amount × fee_bps / 10,000, rounded down (as the contract does). */
  feeAmount: bigint;
  incentiveAmount: bigint;
}

/** The most a taker may claim of the maker's incentive for a fill: its pro-rata share, rounded down. */
export const maxTakerIncentive = (order: Pick<RfqOrderMessage, "incentive" | "quantity">, fill: bigint) =>
  order.quantity === 0n ? 0n : (order.incentive * fill) / order.quantity;

export function fillAmounts(
  price: bigint,
  fillQuantity: bigint,
  feeBps: number,
  takerIncentive: bigint,
): FillAmounts {
  const filledAmount = price * fillQuantity;
  return {
    filledAmount,
    feeAmount: (filledAmount * BigInt(feeBps)) / 10_000n,
    incentiveAmount: takerIncentive,
  };
}

/** What a buy maker pays for the whole order: price × quantity, the desk fee on it, and the incentive. */
export function buyerCost(
  order: Pick<RfqOrderMessage, "price" | "quantity" | "incentive">,
  feeBps: number,
): bigint {
  const amount = order.price * order.quantity;
  return amount + (amount * BigInt(feeBps)) / 10_000n + order.incentive;
}
