import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtExtension } from '../support/paths.ts';

/** Bytes of each built content script as shipped and as served compressed (gzip -9). */
export function contentScriptSizes(): { files: { name: string; raw: number; gzip: number }[]; gmailGzip: number } {
  const dir = join(builtExtension, 'content-scripts');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
  const gmail = files.find((file) => file.name === 'gmail.js');
  if (!gmail) throw new Error(`No gmail.js in ${dir}`);
  return { files, gmailGzip: gmail.gzip };
}
