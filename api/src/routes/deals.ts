import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the deals work in progress.
export const dealRoutes = new Hono<AppEnv>();
