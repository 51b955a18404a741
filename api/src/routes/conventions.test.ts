import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * Routes only wire a contract of shared/src/api to a service: schemas live in the contract (so the
 * OpenAPI document and the clients see them) and queries in services.
 */
const folder = new URL('./', import.meta.url);
const routeFiles = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('api/src/routes', () => {
  it.each(routeFiles)('%s declares no schema and runs no query of its own', (name) => {
    const source = readFileSync(new URL(name, folder), 'utf8');
    expect(source).not.toMatch(/from 'zod'/);
    expect(source).not.toMatch(/\bz\.(object|string|number|array|union|enum)\(/);
    expect(source).not.toMatch(/from 'drizzle-orm'/);
    expect(source).not.toMatch(/db\/schema/);
  });

  it('has route files to check', () => expect(routeFiles.length).toBeGreaterThan(8));
});
