import "server-only";
import type { Tx } from "../../db";
import type { PrismaClient } from "../../db/generated/client";

/**
 * Every user starts with a funded paper account on the simulated venue, so orders can be tried
 * end to end on day one. TRANCHE_PAPER_BALANCES (JSON, asset → amount) overrides the amounts.
 */
export const DEFAULT_PAPER_BALANCES: Record<string, string> = {
  USDT: "1000000",
  BTC: "10",
  ETH: "200",
  SOL: "5000",
};

export const PAPER_ACCOUNT_NAME = "paper";

export function paperBalances(): Record<string, string> {
  const raw = process.env.TRANCHE_PAPER_BALANCES;
  if (!raw) return DEFAULT_PAPER_BALANCES;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([asset, amount]) => [asset, String(amount)]));
  } catch {
    console.error("[accounts] TRANCHE_PAPER_BALANCES is not JSON; using the defaults");
    return DEFAULT_PAPER_BALANCES;
  }
}

/** Create the user's default paper account with its starting balances (inside the caller's transaction). */
export async function createPaperAccount(
  client: Tx | PrismaClient,
  userId: string,
  name = PAPER_ACCOUNT_NAME,
) {
  return client.account.create({
    data: {
      userId,
      name,
      venue: "sim",
      marketTypes: ["spot"],
      isPaper: true,
      isDefault: true,
      balances: { create: Object.entries(paperBalances()).map(([asset, amount]) => ({ asset, amount })) },
    },
  });
}
