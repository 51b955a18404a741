import { runDoctorCli } from './run-cli.ts';

/* `pnpm baton doctor …` lands here through scripts/baton.mjs; see run-cli.ts. */

process.exitCode = await runDoctorCli(process.argv.slice(2), {
  // pnpm runs this in readers/: a relative path means one from where the user typed it.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
