import "server-only";
import { getAddress, type Abi, type Address, type Hex, encodeDeployData } from "viem";
import type { PrismaClient } from "../db";
import type { OpenChain } from "./index";
import { sendTransaction, type Call } from "./transactions";

/**
 * The deployment registry: a suite of contracts (`rfq`; issue 14 adds Uniswap V2) is deployed on a
 * chain the first time Tranche meets that chain, and its addresses are kept in the database
 * (`ChainDeployment`, `ChainContract`). Later starts check that the chain still has the code; a
 * chain that lost it (a wiped Anvil state, another node behind the URL) is reported with what to do,
 * and NEVER silently redeployed over: balances and orders recorded here refer to those contracts.
 */
export interface ContractSpec {
  name: string;
  abi: Abi;
  bytecode: Hex;
  /** Constructor arguments, given the addresses deployed before it in the suite and the operator's. */
  args(deployed: Record<string, Address>, operator: Address): readonly unknown[];
}

export interface SuiteSpec {
  suite: string;
  contracts: ContractSpec[];
  /** Calls the operator makes once every contract is in (listing assets, granting roles). */
  configure(deployed: Record<string, Address>): Call[];
}

export interface Deployed {
  chainId: number;
  addresses: Record<string, Address>;
  deployedAt: Date;
}

export class ChainStateLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChainStateLost";
  }
}

/** A claim older than this is taken for a crashed deployer's, and taken over. */
const STALE_CLAIM_MS = 120_000;
const WAIT_MS = 90_000;

export async function ensureSuite(prisma: PrismaClient, open: OpenChain, spec: SuiteSpec): Promise<Deployed> {
  const key = { chainId_suite: { chainId: open.chainId, suite: spec.suite } };
  const started = Date.now();
  for (;;) {
    const row = await prisma.chainDeployment.findUnique({ where: key, include: { contracts: true } });
    if (row?.status === "ready") {
      const addresses = Object.fromEntries(row.contracts.map((c) => [c.name, c.address as Address]));
      await assertCodeAt(open, spec, addresses, row.readyAt ?? row.claimedAt);
      return { chainId: open.chainId, addresses, deployedAt: row.readyAt ?? row.claimedAt };
    }
    let claimed = false;
    if (!row) {
      const created = await prisma.chainDeployment.createMany({
        data: [
          { chainId: open.chainId, suite: spec.suite, status: "deploying", deployer: open.operator.address },
        ],
        skipDuplicates: true,
      });
      claimed = created.count === 1;
    } else if (Date.now() - row.claimedAt.getTime() > STALE_CLAIM_MS) {
      const taken = await prisma.chainDeployment.updateMany({
        where: { ...key.chainId_suite, status: "deploying", claimedAt: row.claimedAt },
        data: { claimedAt: new Date() },
      });
      claimed = taken.count === 1;
    }
    if (claimed) return deploySuite(prisma, open, spec);
    if (Date.now() - started > WAIT_MS)
      throw new Error(`Another process has been deploying the ${spec.suite} contracts for over a minute.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Deploy what the registry lacks (a crashed deployer's contracts already in are kept), then configure. */
async function deploySuite(prisma: PrismaClient, open: OpenChain, spec: SuiteSpec): Promise<Deployed> {
  const signer = { kind: "operator" as const, account: open.operator };
  const existing = await prisma.chainContract.findMany({
    where: { chainId: open.chainId, suite: spec.suite },
  });
  const addresses: Record<string, Address> = Object.fromEntries(
    existing.map((c) => [c.name, c.address as Address]),
  );
  for (const contract of spec.contracts) {
    if (addresses[contract.name]) continue;
    const data = encodeDeployData({
      abi: contract.abi,
      bytecode: contract.bytecode,
      args: contract.args(addresses, open.operator.address),
    } as Parameters<typeof encodeDeployData>[0]);
    const receipt = await sendTransaction(prisma, open, signer, { data }, `deploy:${contract.name}`);
    if (!receipt.contractAddress) throw new Error(`Deploying ${contract.name} created no contract.`);
    const address = getAddress(receipt.contractAddress);
    await prisma.chainContract.create({
      data: {
        chainId: open.chainId,
        suite: spec.suite,
        name: contract.name,
        address,
        txHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
      },
    });
    addresses[contract.name] = address;
  }
  for (const call of spec.configure(addresses))
    await sendTransaction(prisma, open, signer, call, `configure:${spec.suite}`);
  const readyAt = new Date();
  await prisma.chainDeployment.update({
    where: { chainId_suite: { chainId: open.chainId, suite: spec.suite } },
    data: { status: "ready", readyAt },
  });
  return { chainId: open.chainId, addresses, deployedAt: readyAt };
}

async function assertCodeAt(
  open: OpenChain,
  spec: SuiteSpec,
  addresses: Record<string, Address>,
  deployedAt: Date,
): Promise<void> {
  const names = spec.contracts.map((c) => c.name);
  const codes = await Promise.all(
    names.map((name) => (addresses[name] ? open.client.getCode({ address: addresses[name] }) : undefined)),
  );
  const missing = names.filter((_, i) => !codes[i] || codes[i] === "0x");
  if (missing.length === 0) return;
  const where =
    open.target.kind === "embedded"
      ? `the embedded Anvil node (state ${open.target.stateFile ?? "in memory"})`
      : `the node at ${open.rpcUrl}`;
  throw new ChainStateLost(
    `Chain ${open.chainId} lost the ${spec.suite} contracts this database deployed on ${deployedAt.toISOString()}: ` +
      `${where} has no code at ${missing.map((name) => `${name} ${addresses[name] ?? "(never recorded)"}`).join(", ")}. ` +
      `Tranche does not redeploy over the balances and orders recorded against them. Restore the chain's state ` +
      `(the Anvil state file beside the database, or the node TRANCHE_CHAIN_RPC_URL should point at), ` +
      `or start from an empty database to deploy afresh.`,
  );
}
