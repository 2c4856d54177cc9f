import { z } from "zod";

/** A path parameter that must be a UUID; anything else is a 400, never a 500. */
export const ZIdParams = z.object({ id: z.string().uuid("must be a valid UUID") });

export const ZHealth = z.object({ status: z.literal("ok") });
