import { Dec } from "@/lib/domain/shared/decimal";
import { orderOf, runScenario, marketOf, sizeForShare, T0, MINUTE } from "@/lib/domain/execution/test-support";
import type { StrategyName } from "@/lib/domain/orders/types";
const pairs = ["BTC-USDT","ETH-USDT","SOL-USDT"];
const share = Number(process.argv[2] ?? "0.05");
for (const seed of ["a","b"]) for (const pair of pairs) {
  const model = marketOf(seed);
  const q = sizeForShare(model, pair, T0, T0 + 30*MINUTE, share);
  const mid = model.referenceMid(pair, T0);
  for (const strat of ["TWAP","VWAP","IS","Target Time","Iceberg","POV","Market"] as StrategyName[]) {
    const o = orderOf(strat, { pair, targetQty: q, side: seed==="b"?"sell":"buy", povTarget: strat==="POV"? new Dec("0.1"): null, params: strat==="Iceberg"? {maxClipSize: q.mul(mid).div(30)}: {} });
    const r = runScenario(seed, o, {persist:false});
    const m = r.metrics;
    console.log(seed, pair, strat.padEnd(11), r.status, "end", ((r.endedAt-T0)/60000).toFixed(1), "IS", m.costVsArrivalBps.toFixed(2), "vsF", m.costVsReferenceBps?.toFixed(2), "vsIV", m.costVsIntervalVwapBps?.toFixed(2), "pas", m.passiveShare.toFixed(2), "maxDev", m.maxScheduleDeviation?.toFixed(3), "lin", m.maxLinearDeviation?.toFixed(3), "bandV", m.bandViolations, "compl", m.completionPct.toFixed(1), "part", m.participation?.toFixed(3), "fin", m.finalStretchShare?.toFixed(3), "kids", m.childCount, r.violations.slice(0,2).join("|"), r.logs.filter(l=>l.level!=="INFO").map(l=>l.message).slice(0,2).join("|"));
  }
}
