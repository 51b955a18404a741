import { endpoints, type Endpoint } from '@baton/shared/api';
import type { App } from '../app.ts';

export interface ServedRoute {
  method: string;
  path: string;
}

/**
 * The app's own list of /v1 endpoints (method + path), without middleware (`ALL`) entries and
 * with validators collapsed into their route: the source the OpenAPI and isolation tests iterate.
 * Better Auth's /api/auth/* (its own, documented API) and the console's pages are not /v1.
 */
export function appRoutes(app: App): ServedRoute[] {
  const seen = new Map<string, ServedRoute>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/v1/')) continue;
    const path = route.path.length > 1 ? route.path.replace(/\/+$/, '') : route.path;
    seen.set(`${route.method} ${path}`, { method: route.method, path });
  }
  return [...seen.values()];
}

/** The contract in shared/src/api of a served route. */
export function endpointOf(route: ServedRoute): Endpoint | undefined {
  return Object.values(endpoints).find((spec) => spec.method.toUpperCase() === route.method && spec.path === route.path);
}
