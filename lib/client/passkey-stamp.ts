"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import type { TStampOptions } from "@/lib/contracts/passkeys";
import { toBase64Url, toHex, utf8 } from "@/lib/domain/signing/encoding";
import { formatWebAuthnStamp } from "@/lib/domain/signing/stamps";
import { apiFetch } from "./api";

/**
 * Stamp one payload with the signed-in person's passkey, in Turnkey's WebAuthn stamp format: the
 * WebAuthn challenge is the UTF-8 bytes of the lowercase hex SHA-256 of the payload's exact text,
 * user verification is required, and the answer is the JSON
 * `{credentialId, authenticatorData, clientDataJson, signature}` to send as that payload's signature.
 * One prompt per call: stamp several payloads one after the other, in order.
 *
 * `credentialIds` narrows the passkeys offered (default: all of the person's).
 */
export async function stampPayload(payload: string, credentialIds?: string[]): Promise<string> {
  const options = await apiFetch<TStampOptions>("/api/passkeys/stamp/options", { method: "POST" });
  const allowCredentials = credentialIds
    ? options.allowCredentials.filter((credential) => credentialIds.includes(credential.id))
    : options.allowCredentials;
  if (allowCredentials.length === 0) {
    throw new Error("No passkey to sign with: add one in Settings → Passkeys.");
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(payload)));
  const challenge = toBase64Url(utf8(toHex(digest)));
  const assertion = await startAuthentication({
    optionsJSON: {
      challenge,
      rpId: options.rpId,
      allowCredentials: allowCredentials.map((credential) => ({
        id: credential.id,
        type: "public-key" as const,
        transports: credential.transports as AuthenticatorTransport[] | undefined,
      })),
      userVerification: "required",
      timeout: options.timeout,
    },
  });
  return formatWebAuthnStamp({
    credentialId: assertion.rawId,
    authenticatorData: assertion.response.authenticatorData,
    clientDataJson: assertion.response.clientDataJSON,
    signature: assertion.response.signature,
  });
}
