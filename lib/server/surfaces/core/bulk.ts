import { AppError } from "@/lib/domain/shared/errors";
import type { TCoreMessage } from "@/lib/contracts/core/common";
import type { BulkResult } from "../../services/orders/bulk";
import { pyList } from "./submit-request";

/**
 * The answers of cancel_all_orders, pause_all_orders and resume_all_orders, worded as the docs
 * show them: 200 `{"message": "Successfully … all orders."}`; 400 `{"message"}` when there was
 * nothing to act on (with the account names it could not find); 422 `{"error": "<Verb>ed N orders
 * with M failures: [...]"}` when some orders refused or some account names were unknown.
 */
const WORDS = {
  cancel: {
    past: "Canceled",
    success: "Successfully canceled all orders.",
    nothing: "No active orders to cancel.",
    failure: (orderId: string) => `Failed to cancel order ${orderId}`,
    // "Orders successfully canceled or no orders to cancel" are both a 200 in the docs.
    emptyIsError: false,
  },
  pause: {
    past: "Paused",
    success: "Successfully paused all orders.",
    nothing: "No active orders to pause.",
    failure: (orderId: string) => orderId,
    emptyIsError: true,
  },
  resume: {
    past: "Resumed",
    success: "Successfully resumed all orders.",
    nothing: "No paused orders to resume.",
    failure: (orderId: string) => orderId,
    emptyIsError: true,
  },
} as const;

export function coreBulkAnswer(action: keyof typeof WORDS, result: BulkResult): TCoreMessage {
  const words = WORDS[action];
  const accounts =
    result.missingAccounts.length > 0
      ? ` Failed to fetch accounts: ${pyList(result.missingAccounts.map((name) => `Account not found: ${name}`))}`
      : "";
  const attempted = result.done.length + result.failures.length;
  if (attempted === 0) {
    if (accounts || words.emptyIsError) throw new AppError("bad_request", `${words.nothing}${accounts}`);
    return { message: words.success };
  }
  if (result.failures.length > 0 || accounts) {
    const failures = pyList(result.failures.map((failure) => words.failure(failure.orderId)));
    throw new AppError(
      "invalid_state",
      `${words.past} ${result.done.length} orders with ${result.failures.length} failures: ${failures}${accounts}`,
    );
  }
  return { message: words.success };
}
