export type Side = "buy" | "sell";

/** +1 for a buy, −1 for a sell: multiply a price difference by it to get "positive = cost". */
export const sideSign = (side: Side): 1 | -1 => (side === "buy" ? 1 : -1);

export const oppositeSide = (side: Side): Side => (side === "buy" ? "sell" : "buy");
