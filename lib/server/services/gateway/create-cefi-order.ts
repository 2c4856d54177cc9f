import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { TCreateOrderRequest } from "@/lib/contracts/gateway";
import { bridgeSummary, formatUnits } from "@/lib/domain/defi/format";
import { buildPayload, MAX_PAYLOAD_TTL_MS } from "@/lib/domain/defi/payload";
import { DEFI_QUOTE, defiToken } from "@/lib/domain/defi/tokens";
import { fromBaseUnits } from "@/lib/domain/defi/units";
import { Dec } from "@/lib/domain/shared/decimal";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { Account, Order } from "../../db/generated/client";
import { publishOrders } from "../../events/publish-orders";
import { custodialSigner } from "../../signer";
import { defiVenue, LOCAL_CHAIN_NAME } from "../../venues/amm";
import { cefiDepositAddress } from "../../venues/amm/addresses";
import { lockChain } from "../../venues/amm/venue";
import { balanceShortfall, prepareOrder } from "../orders/submit-order";
import { nextNonce } from "./nonces";
import { CEFI_VENUE, cefiMarket } from "./markets";

/** A market order gets this long to fill (the Market algorithm takes everything at once anyway). */
export const MARKET_DURATION_SECONDS = 60;
/** A limit order rests until filled or canceled, for at most 30 days. */
const LIMIT_DURATION_SECONDS = 30 * 24 * 3600;

/**
 * A CeFi Gateway order as a parent order on the caller's default paper account (venue `sim`):
 * market → the Market strategy, limit → Limit at `price`. The same checks as any submitted order
 * apply (listed pair, minimums); the engine works it to `complete`.
 *
 * A buy the paper account cannot pay for is funded from the caller's wallet on the `local` chain
 * when that holds enough USDC (the seed: "for CeFi buy orders with insufficient balance, a funding
 * bridge is prepared first"): the order is created `initialized` with one payload to sign — a
 * transfer of the shortfall to the venue's deposit address — and starts once execute has moved it
 * and the paper account is credited (settle-defi-order.ts). Otherwise the shortfall is a 400.
 */
export async function createCefiOrder({
  userId,
  request,
  now,
}: {
  userId: string;
  request: TCreateOrderRequest;
  now: number;
}): Promise<Order> {
  const spec = cefiMarket(request.base_asset, request.quote_asset);
  const prisma = await db();
  const account =
    (await prisma.account.findFirst({ where: { userId, venue: CEFI_VENUE, isDefault: true } })) ??
    (await prisma.account.findFirst({ where: { userId, venue: CEFI_VENUE }, orderBy: { createdAt: "asc" } }));
  if (!account) throw new AppError("bad_request", "This account has no CeFi (paper) account to trade in.");
  const input = {
    pair: spec.pair,
    side: request.side,
    strategy: request.type === "market" ? "Market" : "Limit",
    [request.qty_unit === "base" ? "base_asset_qty" : "quote_asset_qty"]: request.qty,
    limit_price: request.price,
    duration: request.type === "market" ? MARKET_DURATION_SECONDS : LIMIT_DURATION_SECONDS,
    accounts: [account.name],
  };
  try {
    const data = await prepareOrder({ userId, now, source: "gateway", input });
    const order = await prisma.order.create({
      data: { ...data, gatewayType: request.type, gatewayQtyUnit: request.qty_unit },
    });
    await publishOrders(prisma, [order.id]);
    return order;
  } catch (error) {
    const shortfall = balanceShortfall(error);
    if (!shortfall || request.side !== "buy" || shortfall.asset !== spec.quote) throw error;
    return createFundedOrder({ userId, request, account, input, shortfall, now, cause: error as AppError });
  }
}

/** The buy, `initialized`, with the funding transfer to sign; or the 400 when the wallet cannot fund it. */
async function createFundedOrder({
  userId,
  request,
  account,
  input,
  shortfall,
  now,
  cause,
}: {
  userId: string;
  request: TCreateOrderRequest;
  account: Account;
  input: Record<string, unknown>;
  shortfall: { asset: string; need: Dec; available: Dec };
  now: number;
  cause: AppError;
}): Promise<Order> {
  const usdc = defiToken(DEFI_QUOTE)!;
  // Whole USDC base units, rounded up: the bridge credits at least what is missing.
  const missing = shortfall.need.sub(shortfall.available);
  const amount = BigInt(
    missing
      .mul(10 ** usdc.decimals)
      .ceil()
      .toFixed(),
  );
  const credit = new Dec(fromBaseUnits(amount, usdc.decimals));
  const amm = defiVenue(LOCAL_CHAIN_NAME);
  const prisma = await db();
  await amm.assertAvailable(prisma);
  // Everything else about the order must hold with the funds counted in.
  const data = await prepareOrder({
    userId,
    now,
    source: "gateway",
    input,
    incoming: { asset: shortfall.asset, amount: credit },
  });
  const orderId = randomUUID();
  const expiresAt = now + MAX_PAYLOAD_TTL_MS;
  const order = await prisma.$transaction(async (tx) => {
    await lockChain(tx, amm.chainId);
    const from = await custodialSigner().addressFor(tx, userId, amm.chainId);
    const held = (await amm.balancesOf(from, tx)).find((b) => b.token.symbol === usdc.symbol)?.amount ?? 0n;
    if (held < amount) {
      throw new AppError(
        "bad_request",
        `${cause.message}; the funding bridge needs ${formatUnits(amount, usdc.decimals)} ${usdc.symbol} on ${LOCAL_CHAIN_NAME}, and ${from} holds ${formatUnits(held, usdc.decimals)}.`,
      );
    }
    const nonce = await nextNonce(tx, {
      userId,
      chainId: amm.chainId,
      from,
      chainNonce: await amm.nonceOf(from, tx),
      now,
      count: 1,
    });
    const summary = bridgeSummary(amount, usdc, account.name);
    const payload = buildPayload({
      orderId,
      userId,
      step: 0,
      of: 1,
      nonce: randomBytes(16).toString("hex"),
      now,
      chainId: amm.chainId,
      from,
      unsignedTransaction: amm.unsignedTransfer({
        token: await amm.tokenAddress(usdc.symbol, tx),
        to: cefiDepositAddress(amm.chainId),
        amount,
        nonce,
      }),
      summary,
    }).text;
    return tx.order.create({
      data: {
        ...data,
        id: orderId,
        status: "initialized",
        // The order starts when the funds arrive: its clock and arrival price are set then.
        timeStart: null,
        timeEnd: null,
        origTimeEnd: null,
        arrivalPrice: null,
        gatewayType: request.type,
        gatewayQtyUnit: request.qty_unit,
        evmChainId: amm.chainId,
        fundingChain: LOCAL_CHAIN_NAME,
        fundingAmount: credit.toFixed(),
        payloads: [payload],
        payloadsExpiresAt: new Date(expiresAt),
        messages: {
          create: {
            level: "INFO",
            message: `Order submitted via gateway: ${request.side} ${request.qty} ${request.qty_unit === "base" ? request.base_asset : request.quote_asset} ${data.pair} on ${account.name}, which is short of ${shortfall.asset} (needs about ${shortfall.need.toDecimalPlaces(8).toFixed()}, has ${shortfall.available.toDecimalPlaces(8).toFixed()}). Funding bridge prepared: ${summary} from ${from}. Waiting for its signature until ${new Date(expiresAt).toISOString()}.`,
            createdAt: new Date(now),
          },
        },
      },
    });
  });
  await publishOrders(prisma, [order.id]);
  return order;
}
