// Runs once when the Next.js server starts: open (migrate, seed) the database before the first
// request, so a first start prints the generated admin password and health answers at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./lib/server/runtime");
  await startServerRuntime();
}
