import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the handoff templates work in progress.
export const templateRoutes = new Hono<AppEnv>();
