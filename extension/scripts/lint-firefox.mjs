#!/usr/bin/env node
// Store review's linter on the Firefox build: no errors, and no warnings except React DOM's own
// two innerHTML assignments (its implementation of dangerouslySetInnerHTML, which Baton never uses).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, '.output', 'firefox-mv3');
const result = spawnSync('pnpm', ['exec', 'web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch (error) {
  console.error(`web-ext lint gave no report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  process.exit(1);
}

const REACT_INNER_HTML_PER_FILE = 2;
const isReactDom = (file) => readFileSync(join(sourceDir, file), 'utf8').includes('dangerouslySetInnerHTML');
const reactWarnings = new Map();
const unexpected = [...report.errors, ...report.notices.filter((n) => n.type === 'error')];
for (const warning of report.warnings) {
  if (warning.code === 'UNSAFE_VAR_ASSIGNMENT' && warning.message.includes('innerHTML') && warning.file && isReactDom(warning.file)) {
    reactWarnings.set(warning.file, (reactWarnings.get(warning.file) ?? 0) + 1);
  } else {
    unexpected.push(warning);
  }
}
for (const [file, count] of reactWarnings) {
  if (count > REACT_INNER_HTML_PER_FILE) unexpected.push({ code: 'UNSAFE_VAR_ASSIGNMENT', file, message: `${count} innerHTML assignments in React's chunk; React itself has ${REACT_INNER_HTML_PER_FILE}` });
}
if (unexpected.length > 0) {
  for (const m of unexpected) console.error(`✖ ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
  process.exit(1);
}
console.log(`web-ext lint: ${report.summary.errors} errors; ${report.summary.warnings} warnings, all React DOM's own innerHTML (${[...reactWarnings.keys()].join(', ') || 'none'})`);
