import { z } from "zod";
import { parseIsoTime } from "@/lib/domain/orders/request-values";

/** A path parameter that must be a UUID; anything else is a 400, never a 500. */
export const ZIdParams = z.object({ id: z.string().uuid("must be a valid UUID") });

export const ZHealth = z.object({ status: z.literal("ok") });

/** A trading pair in a query: BASE-QUOTE or BASE:VARIANT-QUOTE. */
export const PAIR_PATTERN = /^[A-Za-z0-9_.]+(?::[A-Za-z0-9_.]+)?-[A-Za-z0-9_.]+$/;

/** An optional ISO 8601 time in a query string, read as epoch ms (a bad one is a 400 naming it). */
export const queryIsoTime = (description: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return undefined;
      const time = parseIsoTime(value);
      if (time === null) {
        ctx.addIssue({ code: "custom", message: "must be an ISO 8601 time" });
        return z.NEVER;
      }
      return time;
    })
    .meta({ description });
