import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the brief work in progress.
export const briefRoutes = new Hono<AppEnv>();
