import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

/* The import graph of the extension's source, as madge reads it (type-only imports count unless skipped). */

const src = fileURLToPath(new URL('.', import.meta.url));
const tsConfig = fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url));

async function graph(options: { typeImports: boolean }) {
  const skipTypeImports = !options.typeImports;
  const result = await madge(src, {
    fileExtensions: ['ts', 'tsx'],
    tsConfig,
    detectiveOptions: { ts: { skipTypeImports }, tsx: { skipTypeImports } },
  });
  // A file madge could not resolve would silently drop its edges: only packages may be skipped.
  expect(result.warnings().skipped.filter((name) => name.startsWith('.') || name.startsWith('/'))).toEqual([]);
  return result;
}

describe('extension import graph', { timeout: 60_000 }, () => {
  it('has no import circle, counting type-only imports', async () => {
    const result = await graph({ typeImports: true });
    expect(result.obj()['bridge/server.ts']).toContain('bridge/router.ts');
    expect(result.circular()).toEqual([]);
  });

  it('keeps the worker-side code out of the pages: they see the handler table as a type only', async () => {
    const imports = (await graph({ typeImports: false })).obj();
    const reachable = (entry: string) => {
      const seen = new Set<string>([entry]);
      const queue = [entry];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const dependency of imports[next] ?? []) {
          if (seen.has(dependency)) continue;
          seen.add(dependency);
          queue.push(dependency);
        }
      }
      return seen;
    };
    for (const page of ['entrypoints/sidebar/main.tsx', 'entrypoints/popup/main.tsx']) {
      const bundle = reachable(page);
      expect(bundle, page).toContain('bridge/client.ts');
      expect([...bundle].filter((file) => ['bridge/router.ts', 'bridge/server.ts', 'local/db.ts'].includes(file)), page).toEqual([]);
    }
  });
});
