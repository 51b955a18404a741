import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the notifications work in progress.
export const notificationRoutes = new Hono<AppEnv>();
