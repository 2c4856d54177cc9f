import "server-only";
import { encodeFunctionData, type Address } from "viem";
import { LISTINGS, stockContractName } from "@/lib/domain/rfq/instruments";
import { RFQSettlement, StockToken, TrancheUSD } from "@/solidity/artifacts";
import { db } from "../../db";
import { chain } from "../index";
import { ensureSuite, type SuiteSpec } from "../deployments";

/**
 * The RFQ desk's contracts: the TrancheUSD stablecoin, RFQSettlement, and one StockToken per
 * listing (mintable and burnable only by RFQSettlement), each listed on the settlement contract.
 */
export function rfqSuite(feeBps: number): SuiteSpec {
  return {
    suite: "rfq",
    contracts: [
      {
        name: "TrancheUSD",
        abi: TrancheUSD.abi,
        bytecode: TrancheUSD.bytecode,
        args: (_, operator) => [operator],
      },
      {
        name: "RFQSettlement",
        abi: RFQSettlement.abi,
        bytecode: RFQSettlement.bytecode,
        args: (deployed, operator) => [operator, deployed.TrancheUSD, operator, feeBps],
      },
      ...LISTINGS.map((listing) => ({
        name: stockContractName(listing),
        abi: StockToken.abi,
        bytecode: StockToken.bytecode,
        args: (deployed: Record<string, Address>) => [
          listing.name,
          listing.ticker,
          listing.exchange,
          deployed.RFQSettlement,
        ],
      })),
    ],
    configure: (deployed) =>
      LISTINGS.map((listing) => ({
        to: deployed.RFQSettlement!,
        data: encodeFunctionData({
          abi: RFQSettlement.abi,
          functionName: "listAsset",
          args: [listing.ticker, listing.exchange, deployed[stockContractName(listing)]!],
        }),
      })),
  };
}

export interface RfqContracts {
  chainId: number;
  stablecoin: Address;
  settlement: Address;
  /** Stock token per `TICKER:exchange`. */
  stocks: Record<string, Address>;
  deployedAt: Date;
}

/** The desk's fee in basis points at deployment: TRANCHE_RFQ_FEE_BPS, default 100 (1 %). */
export function rfqFeeBps(): number {
  const raw = process.env.TRANCHE_RFQ_FEE_BPS;
  if (!raw) return 100;
  const bps = Number(raw);
  if (!Number.isInteger(bps) || bps < 0 || bps > 1000)
    throw new Error(`TRANCHE_RFQ_FEE_BPS must be an integer from 0 to 1000 (got "${raw}").`);
  return bps;
}

const state = globalThis as unknown as { __trancheRfqContracts?: Promise<RfqContracts> };

/**
 * The RFQ contracts on the open chain: deployed at first use, checked against the chain after that.
 * A failure (the chain is down, or lost its state) is not cached: the next call tries again.
 */
export function rfqContracts(): Promise<RfqContracts> {
  if (!state.__trancheRfqContracts) {
    const loading = (async () => {
      const open = await chain();
      const deployed = await ensureSuite(await db(), open, rfqSuite(rfqFeeBps()));
      return {
        chainId: deployed.chainId,
        stablecoin: deployed.addresses.TrancheUSD!,
        settlement: deployed.addresses.RFQSettlement!,
        stocks: Object.fromEntries(
          LISTINGS.map((listing) => [
            `${listing.ticker}:${listing.exchange}`,
            deployed.addresses[stockContractName(listing)]!,
          ]),
        ),
        deployedAt: deployed.deployedAt,
      };
    })();
    state.__trancheRfqContracts = loading;
    loading.catch(() => {
      if (state.__trancheRfqContracts === loading) state.__trancheRfqContracts = undefined;
    });
  }
  return state.__trancheRfqContracts;
}

/** Forget the cached contracts (with closeChain, in tests). */
export function forgetRfqContracts(): void {
  state.__trancheRfqContracts = undefined;
}
