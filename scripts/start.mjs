#!/usr/bin/env node
// `pnpm start`: builds the Chrome extension, prepares the embedded PostgreSQL (created with a demo
// team the first time; a PGlite folder from an earlier Baton is upgraded by `migrate`), then runs
// the API on 127.0.0.1:8787 in the foreground. Stopping it (Ctrl-C) stops PostgreSQL too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
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

const firstRun = !process.env.DATABASE_URL && !existsSync(dataDir);
let demo = null;
if (firstRun) {
  const output = step('Creating the embedded PostgreSQL with a demo team', [...cli, 'demo', '--json'], { capture: true });
  demo = JSON.parse(output.slice(output.indexOf('[')));
} else {
  step('Applying database migrations (and upgrading an old PGlite folder, if any)', [...cli, 'migrate']);
}

const apiUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
console.log(`
Baton is starting.

  API        ${apiUrl}   (${process.env.DATABASE_URL ? 'PostgreSQL server' : `embedded PostgreSQL in ${dataDir}`})
  Extension  ${extensionDir}
             Chrome: chrome://extensions → Developer mode → "Load unpacked" → choose the folder above.

Sign in: open the extension's options (right-click the Baton icon → Options), enter the API URL
${apiUrl} and a personal token, then press "Test connection".`);
if (demo) {
  console.log('\nDemo team tokens (shown once; only their hashes are stored):');
  for (const { user, token } of demo) console.log(`  ${user.role.padEnd(7)} ${user.email.padEnd(28)} ${token}`);
} else {
  console.log('\nNeed a token? pnpm baton token create --user <email>   (pnpm baton --help lists every command)');
}
console.log('');

// Node with the tsx loader, not `pnpm exec tsx`: the signals below then reach the server itself,
// which closes its connections and stops the embedded PostgreSQL before it exits.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--port', port, '--host', host], {
  cwd: resolve(root, 'api'),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
