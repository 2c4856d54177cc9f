import { canonicalJson } from "../signing/canonical-json";

/**
 * The payload envelope a Gateway DeFi order hands out to sign: one per transaction step, as
 * canonical JSON. The server stores the exact text it issued and verifies stamps against that text
 * only, so a stamp authorizes this order, this step, this transaction, until `expiresAt`, once
 * (`nonce` makes every envelope unique even when two orders build the same transaction).
 */
export interface EvmTxPayload {
  v: 1;
  kind: "evm_tx";
  orderId: string;
  userId: string;
  /** 0-based position among the order's payloads, and how many there are. */
  step: number;
  of: number;
  /** 128 random bits, lowercase hex. */
  nonce: string;
  /** ISO 8601 UTC. */
  issuedAt: string;
  expiresAt: string;
  chainId: number;
  /** The custodial address that signs and sends the transaction. */
  from: string;
  /** The serialized unsigned EIP-1559 transaction (0x02…). */
  unsignedTransaction: string;
  /** What the person approves, in words ("Swap 1,000 USDC for ≥ 0.0112 ETH"). */
  summary: string;
}

export const PAYLOAD_VERSION = 1;
/** Payloads live at most five minutes: long enough to read and sign, short enough to bound a replay. */
export const MAX_PAYLOAD_TTL_MS = 5 * 60_000;

const NONCE = /^[0-9a-f]{32}$/;
const HEX = /^0x[0-9a-fA-F]*$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadError";
  }
}

export interface BuildPayloadInput {
  orderId: string;
  userId: string;
  step: number;
  of: number;
  /** 128-bit hex from the caller's randomness (the domain has none of its own). */
  nonce: string;
  now: number;
  ttlMs?: number;
  chainId: number;
  from: string;
  unsignedTransaction: string;
  summary: string;
}

/** Build one envelope and its canonical text (the exact string to store, hand out and verify). */
export function buildPayload(input: BuildPayloadInput): { payload: EvmTxPayload; text: string } {
  const ttl = input.ttlMs ?? MAX_PAYLOAD_TTL_MS;
  if (!(ttl > 0 && ttl <= MAX_PAYLOAD_TTL_MS))
    throw new PayloadError(`payload lifetime must be within (0, ${MAX_PAYLOAD_TTL_MS}] ms`);
  const payload: EvmTxPayload = {
    v: PAYLOAD_VERSION,
    kind: "evm_tx",
    orderId: input.orderId,
    userId: input.userId,
    step: input.step,
    of: input.of,
    nonce: input.nonce,
    issuedAt: new Date(input.now).toISOString(),
    expiresAt: new Date(input.now + ttl).toISOString(),
    chainId: input.chainId,
    from: input.from,
    unsignedTransaction: input.unsignedTransaction,
    summary: input.summary,
  };
  check(payload);
  return { payload, text: canonicalJson({ ...payload }) };
}

/** Read an envelope back from its text, checking every field (stored payloads are our own, but a
 * corrupted row must not be signed). Throws `PayloadError`. */
export function parsePayload(text: string): EvmTxPayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PayloadError("payload is not JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new PayloadError("payload is not an object");
  const payload = value as EvmTxPayload;
  check(payload);
  if (canonicalJson({ ...payload }) !== text) throw new PayloadError("payload is not in canonical form");
  return payload;
}

/** Whether the envelope is still accepted at `now`. */
export function isPayloadExpired(payload: Pick<EvmTxPayload, "expiresAt">, now: number): boolean {
  return now >= Date.parse(payload.expiresAt);
}

function check(p: EvmTxPayload): void {
  const keys = Object.keys(p).sort().join(",");
  const expected = [
    "chainId",
    "expiresAt",
    "from",
    "issuedAt",
    "kind",
    "nonce",
    "of",
    "orderId",
    "step",
    "summary",
    "unsignedTransaction",
    "userId",
    "v",
  ].join(",");
  if (keys !== expected) throw new PayloadError("payload fields are not the envelope's");
  if (p.v !== PAYLOAD_VERSION || p.kind !== "evm_tx")
    throw new PayloadError("unknown payload version or kind");
  if (!Number.isInteger(p.of) || p.of < 1 || !Number.isInteger(p.step) || p.step < 0 || p.step >= p.of)
    throw new PayloadError("step must be within [0, of)");
  if (!NONCE.test(p.nonce)) throw new PayloadError("nonce must be 128 bits of lowercase hex");
  const issued = Date.parse(p.issuedAt);
  const expires = Date.parse(p.expiresAt);
  if (
    !Number.isFinite(issued) ||
    !Number.isFinite(expires) ||
    expires <= issued ||
    expires - issued > MAX_PAYLOAD_TTL_MS
  )
    throw new PayloadError(
      `expiresAt must be after issuedAt, by at most ${MAX_PAYLOAD_TTL_MS / 60_000} minutes`,
    );
  if (!Number.isSafeInteger(p.chainId) || p.chainId <= 0)
    throw new PayloadError("chainId must be a positive integer");
  if (typeof p.from !== "string" || !ADDRESS.test(p.from)) throw new PayloadError("from must be an address");
  if (
    typeof p.unsignedTransaction !== "string" ||
    !HEX.test(p.unsignedTransaction) ||
    !p.unsignedTransaction.startsWith("0x02")
  )
    throw new PayloadError("unsignedTransaction must be a serialized EIP-1559 transaction");
  if (typeof p.summary !== "string" || p.summary === "") throw new PayloadError("summary is required");
  if (typeof p.orderId !== "string" || typeof p.userId !== "string")
    throw new PayloadError("orderId and userId are text");
}
