import { type Dec, ZERO } from "@/lib/domain/shared/decimal";

/**
 * Paper balances for one engine tick: what each account holds, what its resting children already
 * commit, and the changes this tick's fills make. Children are checked against `available` before
 * they are sent, so a balance never goes negative (the database's CHECK constraint backs this up).
 */
export class BalanceLedger {
  private readonly balances = new Map<string, Dec>();
  private readonly locked = new Map<string, Dec>();
  private readonly changes = new Map<string, Map<string, Dec>>();

  private static key(accountId: string, asset: string): string {
    return `${accountId}\u0000${asset}`;
  }

  setBalance(accountId: string, asset: string, amount: Dec): void {
    this.balances.set(BalanceLedger.key(accountId, asset), amount);
  }

  /** Commit part of a balance to a resting child (or release it with a negative amount). */
  lock(accountId: string, asset: string, amount: Dec): void {
    const key = BalanceLedger.key(accountId, asset);
    const next = (this.locked.get(key) ?? ZERO).add(amount);
    this.locked.set(key, next.lt(0) ? ZERO : next);
  }

  balance(accountId: string, asset: string): Dec {
    return this.balances.get(BalanceLedger.key(accountId, asset)) ?? ZERO;
  }

  available(accountId: string, asset: string): Dec {
    const free = this.balance(accountId, asset).sub(
      this.locked.get(BalanceLedger.key(accountId, asset)) ?? ZERO,
    );
    return free.lt(0) ? ZERO : free;
  }

  /** Move a balance (a fill); the change is kept per order so a dropped order's changes drop too. */
  apply(orderId: string, accountId: string, asset: string, delta: Dec): void {
    const key = BalanceLedger.key(accountId, asset);
    this.balances.set(key, (this.balances.get(key) ?? ZERO).add(delta));
    const perOrder = this.changes.get(orderId) ?? new Map<string, Dec>();
    perOrder.set(key, (perOrder.get(key) ?? ZERO).add(delta));
    this.changes.set(orderId, perOrder);
  }

  /** The balance changes one order's fills made this tick. */
  changesOf(orderId: string): { accountId: string; asset: string; delta: Dec }[] {
    return [...(this.changes.get(orderId) ?? new Map<string, Dec>())].map(([key, delta]) => {
      const [accountId, asset] = key.split("\u0000") as [string, string];
      return { accountId, asset, delta };
    });
  }
}
