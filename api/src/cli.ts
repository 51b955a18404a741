import { runCli } from './cli/run.ts';

/* `pnpm baton <command>`: see `pnpm baton --help`. */

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
if (code !== 'running') process.exitCode = code;
