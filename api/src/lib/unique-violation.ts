/** PostgreSQL's unique_violation, whether raised by postgres.js directly or wrapped by Drizzle: the one test for it. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth += 1) {
    if ('code' in current && current.code === '23505') return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}

/**
 * Runs `attempt` again when it lost a race on a unique key: the identity (or id) it tried to
 * create now exists, and the next attempt finds it instead.
 */
export async function retryOnUniqueViolation<T>(attempt: () => Promise<T>, tries = 4): Promise<T> {
  for (let left = tries; ; left -= 1) {
    try {
      return await attempt();
    } catch (error) {
      if (left <= 1 || !isUniqueViolation(error)) throw error;
    }
  }
}
