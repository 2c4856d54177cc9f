import "server-only";
import type { TStampOptions } from "@/lib/contracts/passkeys";
import { db } from "../../db";
import { CHALLENGE_TTL_MS } from "../../auth/challenges";
import { webAuthnConfig } from "../../auth/webauthn-config";

/**
 * What the browser needs to stamp payloads with the caller's passkeys: the RP ID and the caller's
 * credentials. No challenge is issued: a stamp's challenge is the payload's own SHA-256, and the
 * payload carries the server's nonce and expiry.
 */
export async function createStampOptions({ userId }: { userId: string }): Promise<TStampOptions> {
  const prisma = await db();
  const passkeys = await prisma.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, transports: true },
  });
  return {
    rpId: webAuthnConfig().rpId,
    allowCredentials: passkeys.map((passkey) => ({
      id: passkey.id,
      type: "public-key" as const,
      ...(passkey.transports.length > 0 ? { transports: passkey.transports } : {}),
    })),
    userVerification: "required",
    timeout: CHALLENGE_TTL_MS,
  };
}
