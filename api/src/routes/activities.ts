import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the activities work in progress.
export const activityRoutes = new Hono<AppEnv>();
