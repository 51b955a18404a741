#!/usr/bin/env node
// Renders baton.svg into the PNG sizes the manifest lists (16, 32, 48, 128) with headless
// Chromium, into public/icon/. Run after changing the SVG and commit the PNGs:
//   node extension/icon-source/render.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'baton.svg'), 'utf8');
const out = resolve(here, '../public/icon');
const chromium = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'baton-icons-'));
try {
  for (const size of [16, 32, 48, 128]) {
    const page = join(work, `${size}.html`);
    writeFileSync(page, `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    const result = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000', `--window-size=${size},${size}`, `--screenshot=${join(out, `${size}.png`)}`, `file://${page}`], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Chromium failed for ${size}px: ${result.stderr}`);
    console.log(`icon ${size}px → ${join(out, `${size}.png`)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
