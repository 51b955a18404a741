#!/usr/bin/env node
// `pnpm baton <command>`: `doctor` runs in the page-readers package (it needs the readers and a DOM),
// every other command in the API's CLI. Neither package depends on the other.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const doctorAt = args.findIndex((arg) => !arg.startsWith('-'));
const isDoctor = doctorAt >= 0 && args[doctorAt] === 'doctor';
const target = isDoctor
  ? ['--filter', '@baton/readers', 'exec', 'tsx', 'src/doctor/cli.ts', ...args.filter((_, index) => index !== doctorAt)]
  : ['--filter', '@baton/api', 'exec', 'tsx', 'src/cli.ts', ...args];

const child = spawn('pnpm', target, { stdio: 'inherit' });
// `serve` runs until stopped: pass a stop on to it rather than orphaning the server.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
