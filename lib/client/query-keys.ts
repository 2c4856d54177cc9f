/** The one React Query key factory: every key the dashboard caches under. */
export const queryKeys = {
  me: () => ["me"] as const,
  tokens: {
    all: () => ["tokens"] as const,
  },
  users: {
    all: () => ["users"] as const,
  },
};
