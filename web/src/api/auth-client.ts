import { createAuthClient } from 'better-auth/react';

/** Better Auth on this origin (mounted by the API at /api/auth): sign in and out, sessions, password reset. */
export const authClient = createAuthClient({ baseURL: window.location.origin, basePath: '/api/auth' });

/** Better Auth answers `{data, error}`; a failed call becomes an Error with its message, so the pages show it like any other. */
export async function authCall<T>(promise: Promise<{ data: T | null; error: { message?: string | undefined; status: number; statusText: string } | null }>): Promise<T> {
  const { data, error } = await promise;
  if (error) {
    if (error.status === 429) throw new Error('Too many attempts. Wait a minute and try again.');
    throw new Error(error.message ?? `${error.status} ${error.statusText}`);
  }
  return data as T;
}
