import { handler } from "@/lib/server/http/handler";
import { coreDialect } from "@/lib/server/surfaces/core/errors";
import { createStepUpOptions } from "@/lib/server/services/passkeys/create-step-up-options";

export const dynamic = "force-dynamic";

// POST /api/auth/step_up/options — a challenge only the caller's passkeys can answer, to confirm a sensitive change
export const POST = handler({ dialect: coreDialect, auth: { scopes: [] } }, ({ principal }) =>
  createStepUpOptions({ principal }),
);
