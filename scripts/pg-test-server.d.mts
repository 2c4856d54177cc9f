/** A throwaway PostgreSQL server on 127.0.0.1 for the test run (see pg-test-server.mjs). */
export function startPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
