import { z } from 'zod';

/*
 * Imported first by every entrypoint. Extension pages run under a CSP without 'unsafe-eval' and
 * store review refuses the Function constructor: zod must never try to compile its parsers.
 * The build also strips zod's `Function` references from the bundles (see wxt.config.ts).
 */
z.config({ jitless: true });
