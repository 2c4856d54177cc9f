import { z } from "zod";
import { RFQ_STATUSES } from "@/lib/domain/rfq/status";
import { queryIsoTime } from "./common";

/**
 * RFQ desk (Stove-compatible), `/api/v1/`: snake_case, every integer of an order in token base
 * units as a decimal string (prices, incentives and fees in the 18-decimal stablecoin; quantities
 * in whole shares). Success is `{code: 0, data}`; errors `{code: <6-digit>, message, details}`.
 */
const address = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{40}$/, `${what} must be a 0x-prefixed 20-byte hex address`);
const uint = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,78}$/, `${what} must be a non-negative integer in base units, as a decimal string`);
const uintOrNumber = (what: string) => z.union([z.number().int().nonnegative(), uint(what)]);
const hash = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex hash");

export const ZRfqStatus = z.enum(RFQ_STATUSES);

export const ZRfqOrderWire = z
  .object({
    maker: address("maker"),
    principal: address("principal"),
    is_buy: z.boolean(),
    ticker: z.string().trim().min(1).max(16),
    exchange: z.number().int().min(0).max(65535),
    asset: address("asset"),
    price: uint("price"),
    quantity: uint("quantity"),
    incentive: uint("incentive"),
    /** Unix seconds. */
    deadline: uintOrNumber("deadline"),
    nonce: uintOrNumber("nonce"),
  })
  .strict();

const ZSignature = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{2,4000}$/, "signature must be 0x-prefixed hex");

export const ZSignedOrderRequest = z.object({ order: ZRfqOrderWire, signature: ZSignature }).strict();
export type TSignedOrderRequest = z.infer<typeof ZSignedOrderRequest>;

export const ZFillRequest = z
  .object({
    order: ZRfqOrderWire,
    signature: ZSignature,
    fill_quantity: uint("fill_quantity"),
    taker_incentive: uint("taker_incentive"),
  })
  .strict();
export type TFillRequest = z.infer<typeof ZFillRequest>;

export const ZLockRequest = z.object({ order_hash: hash, taker_address: address("taker_address") }).strict();
export type TLockRequest = z.infer<typeof ZLockRequest>;
export const ZUnlockRequest = z.object({ order_hash: hash }).strict();
export const ZRejectRequest = z
  .object({ order_hash: hash, reason: z.string().trim().min(1, "reason is required").max(500) })
  .strict();
export type TRejectRequest = z.infer<typeof ZRejectRequest>;

export const ZRfqOrderParams = z.object({ id: z.string().uuid("must be a valid UUID") });

export const ZMakerNonceQuery = z.object({ wallet_address: address("wallet_address") });
export const ZMakerConnectRequest = z
  .object({
    wallet_address: address("wallet_address"),
    chain_id: z.number().int().positive(),
    /** An EIP-4361 (Sign-In with Ethereum) message for this host, carrying the nonce. */
    message: z.string().min(1).max(4000),
    signature: ZSignature,
  })
  .strict();
export type TMakerConnectRequest = z.infer<typeof ZMakerConnectRequest>;

const queryBool = z
  .enum(["true", "false"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "true"));
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(100, "page_size must be at most 100").default(50);
const statusCsv = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return undefined;
    const statuses = value.split(",").map((s) => s.trim().toLowerCase());
    const bad = statuses.filter((s) => !(RFQ_STATUSES as readonly string[]).includes(s));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `unknown status ${bad.join(", ")} (known: ${RFQ_STATUSES.join(", ")})`,
      });
      return z.NEVER;
    }
    return statuses as (typeof RFQ_STATUSES)[number][];
  })
  .meta({ description: "Comma-separated statuses." });

export const ZMakerOrdersQuery = z.object({
  status: statusCsv,
  ticker: z.string().trim().min(1).max(16).optional(),
  is_buy: queryBool,
  created_after: queryIsoTime("Orders created at or after (ISO 8601)."),
  created_before: queryIsoTime("Orders created before (ISO 8601)."),
  page,
  page_size: pageSize,
});
export type TMakerOrdersQuery = z.infer<typeof ZMakerOrdersQuery>;

export const ZTakerOrdersQuery = ZMakerOrdersQuery.extend({
  exchange: z.coerce.number().int().min(0).max(65535).optional(),
  sort_by: z.enum(["created_at", "locked_at", "price"]).default("created_at"),
  sort_order: z.enum(["asc", "desc"]).default("desc"),
});
export type TTakerOrdersQuery = z.infer<typeof ZTakerOrdersQuery>;

export const ZRfqFillsQuery = z.object({ order_hash: hash.optional(), page, page_size: pageSize });
export type TRfqFillsQuery = z.infer<typeof ZRfqFillsQuery>;

export const ZBalancesQuery = z.object({ address: address("address") });

// ── responses ──────────────────────────────────────────────────────────────────────────────────

export const envelope = <T extends z.ZodType>(data: T) => z.object({ code: z.literal(0), data });

export const ZRfqError = z.object({
  code: z.number().int().meta({ description: "6-digit error code." }),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const ZRfqOrder = z.object({
  id: z.string().uuid(),
  order_hash: z.string(),
  order: ZRfqOrderWire,
  signature: z.string(),
  status: ZRfqStatus,
  filled_quantity: z.string(),
  remaining_quantity: z.string(),
  locked_by: z.string().nullable(),
  locked_at: z.string().nullable(),
  lock_expires_at: z.string().nullable(),
  reject_reason: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type TRfqOrder = z.infer<typeof ZRfqOrder>;

export const ZRfqOrderPage = z.object({
  items: z.array(ZRfqOrder),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type TRfqOrderPage = z.infer<typeof ZRfqOrderPage>;

export const ZLockResponse = z.object({
  order_hash: z.string(),
  status: ZRfqStatus,
  locked_by: z.string(),
  locked_at: z.string(),
  expires_at: z.string(),
});
export type TLockResponse = z.infer<typeof ZLockResponse>;

/** The seed's fill answer. */
export const ZFillResponse = z.object({
  success: z.boolean(),
  tx_hash: z.string(),
  order_hash: z.string(),
  filled_quantity: z.string(),
  filled_amount: z.string(),
  fee_amount: z.string(),
  incentive_amount: z.string(),
  status: z.enum(["partially_filled", "filled"]),
});
export type TFillResponse = z.infer<typeof ZFillResponse>;

export const ZRfqFill = z.object({
  id: z.string().uuid(),
  order_id: z.string().uuid(),
  order_hash: z.string(),
  ticker: z.string(),
  exchange: z.number().int(),
  is_buy: z.boolean(),
  principal: z.string(),
  price: z.string(),
  taker_address: z.string(),
  tx_hash: z.string(),
  fill_quantity: z.string(),
  filled_amount: z.string(),
  fee_amount: z.string(),
  incentive_amount: z.string(),
  status: z.enum(["pending", "mined"]),
  block_number: z.string().nullable(),
  created_at: z.string(),
  mined_at: z.string().nullable(),
});
export type TRfqFill = z.infer<typeof ZRfqFill>;
export const ZRfqFillPage = z.object({
  items: z.array(ZRfqFill),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type TRfqFillPage = z.infer<typeof ZRfqFillPage>;

export const ZValidateResponse = z.object({
  valid: z.literal(true),
  order_hash: z.string(),
  /** The desk's record of it, when the order was posted here. */
  status: ZRfqStatus.nullable(),
  remaining_quantity: z.string(),
});
export type TValidateResponse = z.infer<typeof ZValidateResponse>;

export const ZRejectResponse = z.object({ order_hash: z.string(), status: ZRfqStatus, reason: z.string() });

export const ZInstruments = z.object({
  instruments: z.array(
    z.object({
      ticker: z.string(),
      exchange: z.number().int(),
      exchange_name: z.string(),
      name: z.string(),
      asset: z.string(),
      decimals: z.number().int(),
    }),
  ),
  stablecoin: z.object({
    symbol: z.string(),
    name: z.string(),
    asset: z.string(),
    decimals: z.number().int(),
  }),
  chain_id: z.number().int(),
  settlement: z.string(),
  fee_bps: z.number().int(),
});
export type TInstruments = z.infer<typeof ZInstruments>;

export const ZEip712Domain = z.object({
  name: z.literal("RFQSettlement"),
  version: z.literal("1"),
  chain_id: z.number().int(),
  verifying_contract: z.string(),
  primary_type: z.literal("Order"),
  types: z.record(z.string(), z.array(z.object({ name: z.string(), type: z.string() }))),
});
export type TEip712Domain = z.infer<typeof ZEip712Domain>;

export const ZMakerNonce = z.object({
  nonce: z.string(),
  wallet_address: z.string(),
  domain: z.string(),
  uri: z.string(),
  chain_id: z.number().int(),
  expires_at: z.string(),
});
export type TMakerNonce = z.infer<typeof ZMakerNonce>;

export const ZMakerSession = z.object({
  session_token: z.string(),
  wallet_address: z.string(),
  chain_id: z.number().int(),
  expires_at: z.string(),
});
export type TMakerSession = z.infer<typeof ZMakerSession>;

export const ZNextNonce = z.object({ wallet_address: z.string(), next_nonce: z.string() });

export const ZTokenBalances = z.object({
  address: z.string(),
  balances: z.array(
    z.object({ symbol: z.string(), asset: z.string(), decimals: z.number().int(), balance: z.string() }),
  ),
});
export type TTokenBalances = z.infer<typeof ZTokenBalances>;

export const ZTakerWallet = z.object({
  address: z.string(),
  chain_id: z.number().int(),
  whitelisted: z.boolean(),
  balances: ZTokenBalances.shape.balances,
});
export type TTakerWallet = z.infer<typeof ZTakerWallet>;
