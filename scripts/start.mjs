#!/usr/bin/env node
// `pnpm start`: builds the Chrome extension and the team console, prepares the database (the
// embedded PostgreSQL is created the first time; a PGlite folder from an earlier Baton is upgraded
// by `migrate`), then runs the API, which also serves the console, on 127.0.0.1:8787 in the
// foreground. The first person to open the console creates the team. Stopping it (Ctrl-C) stops
// PostgreSQL too. `pnpm baton demo` makes a demo team with tokens and console passwords instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = resolve(root, 'extension/.output/chrome-mv3');
const dataDir = resolve(root, process.env.BATON_DATA_DIR ?? '.baton/data');
const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const cli = ['--filter', '@baton/api', 'exec', 'tsx', 'src/cli.ts'];

function step(label, args, options = {}) {
  console.log(`▶ ${label}`);
  const result = spawnSync('pnpm', args, { cwd: root, encoding: 'utf8', stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
  return result.stdout ?? '';
}

/** Resolves when `port` can be listened on at `host`; otherwise the error Node gave (EADDRINUSE, EACCES…). */
function portFree(portNumber, hostName) {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: portNumber, host: hostName, exclusive: true }, () => probe.close(() => resolvePort()));
  });
}

// Before building or touching the database: a taken port found only after a minute of work is a bad first run.
try {
  await portFree(Number(port), host);
} catch (error) {
  const why = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use (another Baton, or another program)` : `Baton cannot listen on ${host}:${port} (${error.code ?? error.message})`;
  console.error(`✖ ${why}.
  Choose another port:   PORT=8788 pnpm start
  (and use http://${host === '0.0.0.0' ? '127.0.0.1' : host}:8788 as the API URL in the extension's options)`);
  process.exit(1);
}

step('Building the Chrome extension', ['--filter', '@baton/extension', 'run', 'build', '--', '--mode', 'production'], { capture: true });
step('Building the team console', ['--filter', '@baton/web', 'run', 'build'], { capture: true });

const firstRun = !process.env.DATABASE_URL && !existsSync(join(dataDir, 'pg'));
step(
  firstRun ? 'Creating the embedded PostgreSQL' : 'Applying database migrations (and upgrading an old PGlite folder, if any)',
  [...cli, 'migrate'],
);

const apiUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const consoleUrl = (process.env.BATON_PUBLIC_URL ?? apiUrl).replace(/\/$/, '');
console.log(`
Baton is starting.

  Console    ${consoleUrl}   ← open it: the first visit creates your team, later ones sign in
  API        ${apiUrl}/v1   (${process.env.DATABASE_URL ? 'PostgreSQL server' : `embedded PostgreSQL in ${dataDir}`})
  Extension  ${extensionDir}
             Chrome: chrome://extensions → Developer mode → "Load unpacked" → choose the folder above.

The extension signs in with a token: create one in the console (Your devices and tokens), enter it
and the API URL ${apiUrl} in the extension's options, then press "Test connection".
${process.env.BATON_SMTP_URL ? '' : 'Mail is off (BATON_SMTP_URL is not set): the console shows invite links to copy.\n'}
Try it with a ready-made team instead: pnpm baton demo   (prints tokens and console passwords once)
`);

// Node with the tsx loader, not `pnpm exec tsx`: the signals below then reach the server itself,
// which closes its connections and stops the embedded PostgreSQL before it exits.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--port', port, '--host', host], {
  cwd: resolve(root, 'api'),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
