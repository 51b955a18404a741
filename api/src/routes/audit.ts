import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the audit work in progress.
export const auditRoutes = new Hono<AppEnv>();
