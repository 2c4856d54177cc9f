import "server-only";
import {
  createPublicClient,
  defineChain,
  http,
  type Chain,
  type PrivateKeyAccount,
  type PublicClient,
  type Transport,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { startAnvil, type AnvilNode } from "./anvil";
import { chainTarget, operatorKey, type ChainTarget } from "./config";

export { chainTarget, type ChainTarget } from "./config";

/**
 * The process's EVM chain, reached only through viem over JSON-RPC — the embedded Anvil exactly as
 * a public chain. Opened on first use (like the database), and closed with the process.
 */
export interface OpenChain {
  target: ChainTarget;
  chainId: number;
  rpcUrl: string;
  chain: Chain;
  client: PublicClient<Transport, Chain>;
  /** Deploys, whitelists, funds gas and runs the faucet. */
  operator: PrivateKeyAccount;
  /** The embedded node, when this process runs one. */
  node: AnvilNode | null;
  close(): Promise<void>;
}

const state = globalThis as unknown as { __trancheChain?: Promise<OpenChain> };

async function open(): Promise<OpenChain> {
  const target = chainTarget();
  const operator = privateKeyToAccount(operatorKey(target));
  const node = target.kind === "embedded" ? await startAnvil(target) : null;
  const rpcUrl = node ? node.url : (target as Extract<ChainTarget, { kind: "rpc" }>).url;
  const chain = defineChain({
    id: target.chainId,
    name: node ? "Tranche local (Anvil)" : `EVM chain ${target.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const client = createPublicClient({
    chain,
    pollingInterval: node ? 100 : 1_000,
    transport: http(rpcUrl, { retryCount: 2, timeout: 20_000 }),
  });
  try {
    const actual = await client.getChainId();
    if (actual !== target.chainId)
      throw new Error(
        `The node at ${rpcUrl} is chain ${actual}, but TRANCHE_CHAIN_ID is ${target.chainId}: set TRANCHE_CHAIN_ID to the node's chain id.`,
      );
  } catch (error) {
    await node?.stop();
    throw error;
  }
  return {
    target,
    chainId: target.chainId,
    rpcUrl,
    chain,
    client: client as PublicClient<Transport, Chain>,
    operator,
    node,
    close: async () => node?.stop(),
  };
}

/** The open chain (started or connected on first use). A failed open is retried by the next call. */
export function chain(): Promise<OpenChain> {
  if (!state.__trancheChain) {
    const opening = open();
    state.__trancheChain = opening;
    opening.catch(() => {
      if (state.__trancheChain === opening) state.__trancheChain = undefined;
    });
  }
  return state.__trancheChain;
}

/**
 * Whether this process settles on the chain: it opened it already (the web server does at start),
 * or the chain is a shared node (TRANCHE_CHAIN_RPC_URL). A worker beside a web server that runs the
 * embedded node leaves the chain's housekeeping to that server.
 */
export function chainInThisProcess(): boolean {
  return state.__trancheChain !== undefined || Boolean(process.env.TRANCHE_CHAIN_RPC_URL?.trim());
}

/** Stop the embedded node (tests, worker shutdown); the next `chain()` starts it again. */
export async function closeChain(): Promise<void> {
  const opening = state.__trancheChain;
  state.__trancheChain = undefined;
  if (opening) await (await opening.catch(() => null))?.close();
}
