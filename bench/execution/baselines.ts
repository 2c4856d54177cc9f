import type { Dec } from "@/lib/domain/shared/decimal";
import type { Algorithm, AlgoState, Command, StepResult } from "@/lib/domain/execution/types";
import type { OrderSpec } from "@/lib/domain/orders/types";

/**
 * The two naive baselines of the execution benchmark, as reducers so they run through the same
 * harness, market and impact as the strategies (common random numbers):
 * - B-MKT: the whole quantity as one market order at the start;
 * - B-EQ: N equal slices, each a market order sent at its slice time (no passiveness, no band).
 * Base-sized orders only (the benchmark's orders are).
 */

const roundDown = (qty: Dec, step: string): Dec => qty.div(step).floor().mul(step);

const marketChild = (order: OrderSpec, n: number, size: Dec): Command => ({
  type: "place",
  child: {
    clientId: `${order.id}:${n}`,
    side: order.side,
    kind: "market",
    price: null,
    size: size.toFixed(),
    tif: "IOC",
    postOnly: false,
  },
});

interface BaselineState extends AlgoState {
  sent: number;
  live: number;
  done: boolean;
}

const settle = (
  state: BaselineState,
  total: number,
  event: Parameters<Algorithm["step"]>[2],
): StepResult<BaselineState> => {
  if (state.done || event.type !== "placement" || event.status === "open") return { state, commands: [] };
  const next = { ...state, live: state.live - 1 };
  if (next.sent >= total && next.live === 0)
    return { state: { ...next, done: true }, commands: [{ type: "complete" }] };
  return { state: next, commands: [] };
};

export const marketBaseline: Algorithm<BaselineState> = {
  validate: () => [],
  init: (order, view) => ({
    state: { sent: 1, live: 1, done: false },
    commands: [marketChild(order, 1, roundDown(order.targetQty, view.spec.sizeStep))],
  }),
  step: (_order, state, event) => settle(state, 1, event),
};

export function equalSlicesBaseline(slices: number): Algorithm<BaselineState> {
  const sliceDue = (order: OrderSpec, time: number): number => {
    const span = (order.endTime ?? order.startTime) - order.startTime;
    if (span <= 0) return slices;
    return Math.min(slices, Math.floor(((time - order.startTime) / span) * slices) + 1);
  };
  const send = (
    order: OrderSpec,
    state: BaselineState,
    time: number,
    step: string,
  ): StepResult<BaselineState> => {
    const due = sliceDue(order, time);
    const commands: Command[] = [];
    let { sent, live } = state;
    const slice = roundDown(order.targetQty.div(slices), step);
    while (sent < due) {
      sent += 1;
      const size = sent === slices ? order.targetQty.sub(slice.mul(slices - 1)) : slice;
      commands.push(marketChild(order, sent, roundDown(size, step)));
      live += 1;
    }
    return { state: { ...state, sent, live }, commands };
  };
  return {
    validate: () => [],
    init: (order, view) => send(order, { sent: 0, live: 0, done: false }, view.time, view.spec.sizeStep),
    step: (order, state, event) => {
      if (event.type === "tick")
        return state.done
          ? { state, commands: [] }
          : send(order, state, event.time, event.market.spec.sizeStep);
      return settle(state, slices, event);
    },
  };
}
