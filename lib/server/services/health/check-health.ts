import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { database } from "../../db";

/** Healthy when the database answers. */
export async function checkHealth(): Promise<{ status: "ok" }> {
  try {
    const { pool } = await database();
    await pool.query("SELECT 1");
    return { status: "ok" };
  } catch (error) {
    console.error("[health] database check failed", error);
    throw new AppError("unavailable", "Database unavailable.");
  }
}
