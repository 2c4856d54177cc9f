"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreatedSigningKey } from "@/lib/contracts/signing-keys";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";
import { passkeyStepUp } from "../step-up";

/**
 * Register a signing key, confirmed by the person: with a passkey when they have one (its prompt
 * opens first), else with their password.
 */
export function useCreateSigningKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      password,
      ...request
    }: {
      public_key: string;
      label: string;
      /** null: confirm with a passkey. */
      password: string | null;
    }) =>
      apiFetch<TCreatedSigningKey>("/api/signing_keys/", {
        method: "POST",
        body: { ...request, step_up: password === null ? await passkeyStepUp() : { password } },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.signingKeys.all() }),
  });
}
