import "server-only";
import type { TEip712Domain } from "@/lib/contracts/rfq";
import { ORDER_TYPES } from "@/lib/domain/rfq/order";
import { deskDomain, openDesk } from "./desk";

/** GET /api/v1/eip712-domain: what makers sign orders under. */
export async function getEip712Domain(): Promise<TEip712Domain> {
  const domain = deskDomain(await openDesk());
  return {
    name: domain.name,
    version: domain.version,
    chain_id: domain.chainId,
    verifying_contract: domain.verifyingContract,
    primary_type: "Order",
    types: { Order: ORDER_TYPES.Order.map((field) => ({ ...field })) },
  };
}
