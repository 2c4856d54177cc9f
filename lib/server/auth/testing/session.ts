import { encode } from "next-auth/jwt";
import { authSecret, sessionCookieName } from "../secret";

/** A next-auth session cookie for `userId`, as the browser holds it after signing in (tests only). */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: await authSecret() });
  return `${sessionCookieName()}=${token}`;
}
