"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TPasskey, TRegistrationOptions } from "@/lib/contracts/passkeys";
import { apiFetch } from "../api";
import { passkeyStepUp } from "../step-up";
import { queryKeys } from "../query-keys";

type CreationOptions = Parameters<typeof startRegistration>[0]["optionsJSON"];

/**
 * Add a passkey: server options → the browser's passkey prompt → server verification. With a
 * passkey already registered (`confirm`), one of them confirms the change first.
 */
export function useRegisterPasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, confirm }: { name: string; confirm: boolean }) => {
      const { options } = await apiFetch<TRegistrationOptions>("/api/passkeys/register/options", {
        method: "POST",
        body: confirm ? { step_up: await passkeyStepUp() } : {},
      });
      const response = await startRegistration({ optionsJSON: options as unknown as CreationOptions });
      return apiFetch<TPasskey>("/api/passkeys/register/verify", {
        method: "POST",
        body: { name, response },
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.passkeys.all() }),
  });
}
