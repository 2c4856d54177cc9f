import "server-only";
import type { TMeResponse } from "@/lib/contracts/auth";
import type { Principal } from "../../auth/authenticate";

/** Who is calling, and with what. */
export async function getMe({ principal }: { principal: Principal }): Promise<TMeResponse> {
  return {
    id: principal.userId,
    email: principal.email,
    username: principal.username,
    role: principal.role,
    auth: principal.via,
    scopes: principal.scopes,
    ...(principal.tokenId ? { token_id: principal.tokenId } : {}),
  };
}
