import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the handoffs work in progress.
export const handoffRoutes = new Hono<AppEnv>();
