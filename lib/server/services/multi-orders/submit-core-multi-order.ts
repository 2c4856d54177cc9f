import "server-only";
import { coreSubmitInput } from "../../surfaces/core/submit-request";
import { submitMultiOrder, type MultiOrderInput } from "./submit-multi-order";
import { loadMultiBundles } from "./get-multi-order";

/** POST /api/multi_orders/: each leg checked in the Core Order API's terms, then all created together. */
export async function submitCoreMultiOrder({
  userId,
  body,
  now = Date.now(),
}: {
  userId: string;
  body: MultiOrderInput;
  now?: number;
}) {
  const multi = await submitMultiOrder({
    userId,
    input: body,
    now,
    adaptLeg: (leg, at) => coreSubmitInput(leg as Record<string, unknown>, at),
  });
  const [bundle] = await loadMultiBundles([multi]);
  return bundle!;
}
