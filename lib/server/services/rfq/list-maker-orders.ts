import "server-only";
import type { TMakerOrdersQuery, TRfqOrderPage } from "@/lib/contracts/rfq";
import type { MakerPrincipal } from "../../auth/maker-session";
import { pageRfqOrders, rfqOrderWhere } from "./rfq-order-query";

/** GET /api/v1/orders: the signed-in maker's orders, newest first, filtered and paged. */
export async function listMakerOrders({
  maker,
  query,
}: {
  maker: MakerPrincipal;
  query: TMakerOrdersQuery;
}): Promise<TRfqOrderPage> {
  return pageRfqOrders(
    { ...rfqOrderWhere(query), chainId: maker.chainId, maker: maker.wallet },
    [{ createdAt: "desc" }, { id: "desc" }],
    query,
  );
}
