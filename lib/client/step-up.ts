"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import type { TStepUpOptions, TStepUpProof } from "@/lib/contracts/passkeys";
import { apiFetch } from "./api";

type RequestOptions = Parameters<typeof startAuthentication>[0]["optionsJSON"];

/**
 * Confirm a sensitive change with one of the user's passkeys: a server challenge bound to them,
 * answered by the browser's passkey prompt, sent back as the request's `step_up`.
 */
export async function passkeyStepUp(): Promise<TStepUpProof> {
  const { challenge_id, options } = await apiFetch<TStepUpOptions>("/api/auth/step_up/options", {
    method: "POST",
  });
  const response = await startAuthentication({ optionsJSON: options as unknown as RequestOptions });
  return { challenge_id, response: response as never };
}
