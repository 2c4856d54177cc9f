"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../api";

export function useChangePassword() {
  return useMutation({
    mutationFn: (request: { current_password: string; new_password: string }) =>
      apiFetch<{ status: "ok" }>("/api/me/password", { method: "POST", body: request }),
  });
}
