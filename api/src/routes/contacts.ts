import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

// Routes are added by the contacts work in progress.
export const contactRoutes = new Hono<AppEnv>();
