import { orderOf, runScenario, marketOf, sizeForShare, T0, MINUTE } from "@/lib/domain/execution/test-support";
const model = marketOf("s1");
const q = sizeForShare(model, "BTC-USDT", T0, T0 + 30*MINUTE, 0.02);
const t = performance.now();
for (let i=0;i<3;i++) runScenario("s"+i, orderOf("TWAP", { targetQty: q }), {tickMs: 1000, persist: false});
console.log((performance.now()-t)/3);
