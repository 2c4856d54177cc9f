import "server-only";
import { chain } from "./index";
import { rfqContracts } from "./suites/rfq";

/**
 * At server start (instrumentation.ts, via runtime.ts): open the chain — start the embedded Anvil,
 * or reach TRANCHE_CHAIN_RPC_URL — and deploy the RFQ contracts on first start (or check them),
 * then finish any fill a crash left between sending and recording. A chain that cannot open or
 * lost its contracts is reported, and the rest of Tranche keeps serving (the desk answers 503).
 * The embedded node stops with the process (anvil.ts), writing its state.
 */
export async function startChainRuntime(): Promise<void> {
  const started = performance.now();
  try {
    const open = await chain();
    const contracts = await rfqContracts();
    const ms = Math.round(performance.now() - started);
    console.log(
      `[tranche] chain ${open.chainId} ready (${open.node ? `embedded Anvil at ${open.rpcUrl}` : open.rpcUrl}); ` +
        `RFQSettlement ${contracts.settlement} (${ms} ms)`,
    );
    const { sweepRfqDesk } = await import("../services/rfq/sweep-rfq-desk");
    const swept = await sweepRfqDesk();
    if (swept.finished.length > 0)
      console.log(
        `[tranche] RFQ desk: ${swept.finished.length} fills left by the last run finished from the chain`,
      );
  } catch (error) {
    console.error(`\n[tranche] the RFQ desk's chain is unavailable: ${(error as Error).message}\n`);
  }
}
