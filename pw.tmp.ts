import { Dec } from "@/lib/domain/shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario } from "@/lib/domain/execution/test-support";
for (const [pair, rho, seed] of [["BTC-USDT",0.1,"x1"],["SOL-USDT",0.1,"x2"],["ETH-USDT",0.05,"x3"],["BTC-USDT",0.2,"x4"],["ETH-USDT",0.1,"x5"]] as const) {
  const model = marketOf(seed);
  const qty = model.expectedVolume(pair, T0, T0 + 20 * MINUTE).mul(rho / (1 - rho)).toDecimalPlaces(3, Dec.ROUND_DOWN);
  const r = runScenario(seed, orderOf("POV", { pair, targetQty: qty, povTarget: new Dec(rho), endTime: null }));
  const life = r.samples; const span = life.at(-1)!.time - T0; const w = span/10;
  let lo=1, hi=0;
  for (const a of life) { const b = life.find(s => s.time >= a.time + w); if (!b) break;
    const own = b.ownVolume.sub(a.ownVolume).toNumber(), oth = b.othersVolume.sub(a.othersVolume).toNumber(); const x = own/(own+oth); lo=Math.min(lo,x); hi=Math.max(hi,x); }
  console.log(pair, rho, "span min", (span/60000).toFixed(1), "part", r.metrics.participation?.toFixed(4), "lo", lo.toFixed(4), "hi", hi.toFixed(4), "passive", r.metrics.passiveShare.toFixed(2));
}
