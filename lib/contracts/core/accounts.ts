import { z } from "zod";
import { ZIsoTime, ZNumeric, csvList } from "./common";

/** GET /api/accounts/: the caller's trading accounts. */
export const ZCoreAccount = z.object({
  id: z.guid(),
  name: z.string().meta({ description: "The name orders use in `accounts` and `account_names`." }),
  exchange: z.string(),
  market_types: z.array(z.string()),
  is_paper: z.boolean(),
  created_at: ZIsoTime,
});
export type TCoreAccount = z.infer<typeof ZCoreAccount>;

export const ZCoreAccountList = z.object({ accounts: z.array(ZCoreAccount) });
export type TCoreAccountList = z.infer<typeof ZCoreAccountList>;

/** GET /api/balances/ */
export const ZBalancesQuery = z.object({
  exchange_names: csvList("exchange_names").optional(),
  account_names: csvList("account_names").optional(),
});

/** One asset of an account, as the product's Python client documents `get_balances()`. */
export const ZCoreBalanceAsset = z.object({
  symbol: z.string(),
  size: ZNumeric,
  notional: ZNumeric.nullable().meta({
    description: "Value in the venue's quote asset (USDT); null without a price.",
  }),
  market_type: z.string(),
  asset_type: z.enum(["token", "position"]),
  unrealized_profit: ZNumeric,
  initial_margin: ZNumeric,
  maint_margin: ZNumeric,
  margin_balance: ZNumeric,
  leverage: ZNumeric.nullable(),
  notional_pct_total: ZNumeric.nullable().meta({
    description: "Share of the account's total notional, 0..1.",
  }),
});

/** Balances by account name. */
export const ZCoreBalances = z.record(
  z.string(),
  z.object({ exchange: z.string(), assets: z.array(ZCoreBalanceAsset) }),
);
export type TCoreBalances = z.infer<typeof ZCoreBalances>;
