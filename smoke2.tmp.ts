import { orderOf, runScenario, marketOf, sizeForShare, T0, MINUTE } from "@/lib/domain/execution/test-support";
const model = marketOf("s1");
const q = sizeForShare(model, "BTC-USDT", T0, T0 + 30*MINUTE, 0.02);
const r = runScenario("s1", orderOf("IS", { targetQty: q }));
for (const s of r.samples) if (s.lower !== null && (s.executedShare < s.lower - 1e-9 || s.executedShare > s.upper! + 1e-9)) {
  console.log((s.time-T0)/1000, s.executedShare.toFixed(4), s.lower.toFixed(4), s.target!.toFixed(4), s.upper!.toFixed(4));
  const cmds = r.commands.filter(c => c.time === s.time); console.log(JSON.stringify(cmds.map(c=>c.command)).slice(0,600));
}
