// Lighthouse's mobile preset (simulated slow 4G, a 4× slower CPU, a phone's screen) on a bench page, in Debian's
// Chromium (issue 17): first contentful paint, largest contentful paint, speed index, total blocking time,
// layout shift and the accessibility score. bench/run.mjs calls it for the widget and both peers.
//   node bench/lighthouse.mjs URL     prints one run's figures as JSON
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(BENCH, 'package.json'));

/** chrome-launcher's flags: headless Debian Chromium in a container (no sandbox, no GPU, /tmp for shared memory). */
export const LIGHTHOUSE_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** The audits read from a report, by the name the benchmark gives them. */
export const LIGHTHOUSE_AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  speedIndex: 'speed-index',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift'
};

/** Attempts per run: on a loaded machine Lighthouse sometimes loses its trace (NO_NAVSTART) and asks to run again. */
const ATTEMPTS = 3;

/** One run of `url` that succeeded, after up to ATTEMPTS tries; the last error if none did. */
export async function lighthouseRun(url, options) {
  let error;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await lighthouseOnce(url, options);
    } catch (e) {
      error = e;
      process.stderr.write(`\nbench: ${e.message} (attempt ${attempt} of ${ATTEMPTS})\n`);
    }
  }
  throw error;
}

/**
 * One Lighthouse run of `url` with the default (mobile) preset and the performance and accessibility
 * categories; resolves to { fcp, lcp, speedIndex, tbt (ms), cls, accessibility (0–1), lighthouse (version) }.
 */
async function lighthouseOnce(url, { chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {}) {
  const chromeLauncher = await import(require.resolve('chrome-launcher'));
  const { default: lighthouse } = await import(require.resolve('lighthouse'));
  process.env.CHROME_PATH = chromePath;
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: LIGHTHOUSE_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility']
    });
    const { audits, categories, lighthouseVersion, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    const figures = Object.fromEntries(
      Object.entries(LIGHTHOUSE_AUDITS).map(([name, id]) => [name, audits[id]?.numericValue ?? null]));
    return { ...figures, accessibility: categories.accessibility?.score ?? null, lighthouse: lighthouseVersion };
  } finally {
    await chrome.kill();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await lighthouseRun(process.argv[2]), null, 1));
}
