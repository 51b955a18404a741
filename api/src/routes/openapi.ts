import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// GET /openapi.json (public, mounted before auth) is added by the OpenAPI work in progress.
export const openapiRoutes = new Hono<AppEnv>();
