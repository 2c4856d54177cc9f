import { z } from "zod";

/**
 * GET /api/stream — Server-Sent Events for the signed-in user. Event names: `ready` (on every
 * (re)connect: refetch what may have been missed), `order`, `placement`, `fill`. Decimals are strings.
 */
export const ZStreamOrder = z.object({
  id: z.string(),
  status: z.string(),
  executed_qty: z.string(),
  executed_base: z.string(),
  executed_notional: z.string(),
  target_order_qty: z.string(),
  pct_filled: z.string(),
  average_executed_price: z.string().nullable(),
  total_fee: z.string(),
  fee_asset: z.string().nullable(),
  updated_at: z.string(),
});
export type TStreamOrder = z.infer<typeof ZStreamOrder>;

export const ZStreamPlacement = z.object({
  id: z.string(),
  order_id: z.string(),
  client_id: z.string(),
  status: z.string(),
  side: z.string(),
  price: z.string().nullable(),
  qty: z.string(),
  filled_qty: z.string(),
  placement_type: z.string(),
  sub_status: z.string().nullable(),
});
export type TStreamPlacement = z.infer<typeof ZStreamPlacement>;

export const ZStreamFill = z.object({
  id: z.string(),
  order_id: z.string(),
  placement_id: z.string(),
  pair: z.string(),
  side: z.string(),
  role: z.string(),
  executed_price: z.string(),
  executed_qty: z.string(),
  executed_notional: z.string(),
  fee: z.string(),
  fee_asset: z.string(),
  fill_time: z.string(),
  external_id: z.string(),
});
export type TStreamFill = z.infer<typeof ZStreamFill>;
