// The chart's move between two views (src/web/motion.js): the longest main-thread task from a page's update() to
// the end of the move, on the bundled dataset, in Chromium's trace (devtools.timeline tasks on the page's main
// thread). Goal: none over 16 ms, one frame. Prints a table; nothing here asserts a timing.
//
//   node bench/transition.mjs [--runs N] [--dist DIR]
//     --runs N   moves measured per change (default 10), each from the view before it
//     --dist DIR the build to measure (default dist/)
//     --reduced  under prefers-reduced-motion: the same redraws without motion, to tell the move's cost from the draw's
//
// Needs: make build (dist/), playwright-core in tools/node_modules, Debian's chromium (CHROMIUM_PATH overrides).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Math.max(1, parseInt(flag('--runs', '10'), 10));
const DIST = resolve(flag('--dist', join(ROOT, 'dist')));
const REDUCED = args.includes('--reduced');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

// Each change goes there and back: a story's steps, both ways.
const CHANGES = [
  ['a year (same indicator)', { year: '2025', highlight: 'bac-giang' }, { year: 'all', highlight: null }],
  ['another indicator (cross-fade)', { indicator: 'records-online-commune' }, { indicator: 'digital-economy-share-grdp' }],
  ['fewer provinces', { provinces: 'bac-giang,lang-son' }, { provinces: null }]
];

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script src="/province-targets.js" data-embed="none"></script></head><body style="margin:0">
<province-targets indicator="digital-economy-share-grdp" year="all"></province-targets></body></html>`;

// A main-thread task, as Chromium's trace names it (older builds: RunTask).
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** The longest task on the page's main thread between the two TimeStamp marks, in ms. */
function longestTask(events) {
  const mark = (message) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message);
  const [from, to] = [mark('pt-move-start'), mark('pt-move-end')];
  if (!from || !to) return null;
  const thread = [from.pid, from.tid];
  let longest = 0;
  for (const e of events) {
    if (!TASK_NAMES.has(e.name) || e.ph !== 'X' || e.pid !== thread[0] || e.tid !== thread[1]) continue;
    if (e.ts + e.dur < from.ts || e.ts > to.ts) continue;
    longest = Math.max(longest, e.dur / 1000);
  }
  return longest;
}

async function main() {
  const server = await startServer({ root: DIST, port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
  });
  const rows = [];
  try {
    const ctx = await browser.newContext({
      viewport: { width: 1000, height: 900 }, reducedMotion: REDUCED ? 'reduce' : 'no-preference'
    });
    const page = await ctx.newPage();
    const url = `${server.url}transition-bench.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('province-targets')?.view != null, null, { timeout: 30000 });
    await page.waitForTimeout(500);
    for (const [what, there, back] of CHANGES) {
      const samples = [];
      for (let i = 0; i < RUNS; i++) {
        for (const changes of [there, back]) {
          await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
          const animations = await page.evaluate(async (changes) => {
            const el = document.querySelector('province-targets');
            console.timeStamp('pt-move-start');
            const moving = new Promise((resolve) => el.addEventListener('province-targets-change',
              () => resolve(el.shadowRoot.getAnimations().length), { once: true }));
            await el.update(changes);
            // The frame after the move's last one, so its last frame's work is in the window.
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            console.timeStamp('pt-move-end');
            return moving;
          }, changes);
          const trace = JSON.parse((await browser.stopTracing()).toString());
          const longest = longestTask(trace.traceEvents ?? trace);
          if (longest != null) samples.push({ longest, animations });
        }
      }
      const sorted = samples.map((s) => s.longest).sort((a, b) => a - b);
      rows.push({
        what,
        median: sorted[sorted.length >> 1],
        max: sorted[sorted.length - 1],
        over16: sorted.filter((ms) => ms > 16).length,
        moves: sorted.length,
        animations: Math.max(...samples.map((s) => s.animations))
      });
    }
    await ctx.close();
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Longest main-thread task during a move (update() to the frame after the move), ms${
    REDUCED ? ', under reduced motion (no move)' : ''}:`);
  console.log('| change | median | max | moves over 16 ms | animations |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.what} | ${r.median.toFixed(1)} | ${r.max.toFixed(1)} | ${r.over16} of ${r.moves} | ${r.animations} |`);
  }
}

await main();
