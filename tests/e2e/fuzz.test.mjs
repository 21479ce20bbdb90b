// A property test of one mounted widget: random sequences of what readers, extensions and host scripts do to it
// (clicks on controls and marks, keys, attributes edited inside the shadow root and on the element, removal and
// re-insertion, listeners reading the view back) never trap the module, and the widget still answers a click at
// the end. The sequences come from a seeded PRNG: a failing case prints its seed, and PT_FUZZ_SEED=<seed> replays
// it alone. Seeds that once failed are kept in REGRESSIONS and run first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHtml, start, stop, waitForChart } from './helpers.mjs';

const CASES = 10;
const STEPS = 60;
/** Seeds of cases that failed once, kept as regression tests. */
const REGRESSIONS = [];

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title></head><body>
<main id="main"><province-targets id="w" indicator="digital-economy-share-grdp" year="2025"></province-targets></main>
<script src="province-targets.js" data-embed="none"></script>
</body></html>`;

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env ?? {}));

/**
 * Runs `steps` random actions on #w inside the page, from `seed`. Returns what happened: traps reported to window,
 * alerts, and the last actions (to read with the seed).
 */
async function runCase([seed, steps]) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const el = document.getElementById('w');
  const main = document.getElementById('main');
  const garbage = ['', '-1', '999999', '18446744073709551616', 'NaN', 'all', '2025', '1e3', '<b>x</b>', '\u0000', ' 0'];
  const element = {
    indicator: ['digital-economy-share-grdp', 'fibre-households', 'records-online-commune', 'nope', ''],
    year: ['2025', '2030', 'all', '1900', '99999', 'x', ''],
    provinces: ['', 'hanoi', 'hanoi,hcmc', 'nowhere', ',,,', 'HCMC'],
    lang: ['vi', 'en', 'fr', ''],
    theme: ['light', 'dark', 'auto', 'neon'],
    national: ['on', 'off', 'maybe'],
    highlight: ['hanoi', 'nowhere', '', '0', '-1']
  };
  const inside = ['data-target', 'data-national', 'data-year', 'data-province', 'aria-pressed', 'aria-expanded',
    'aria-disabled', 'aria-checked', 'tabindex'];
  const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape', 'Tab'];
  const done = [];
  const nodes = () => (el.shadowRoot ? [...el.shadowRoot.querySelectorAll('*')] : []);
  const clickable = () => nodes().filter((n) => n.matches('button, select, .pt-mark, .pt-national, .pt-year, a'));
  const actions = [
    () => {
      const n = pick(clickable());
      if (!n) return 'click: nothing';
      n.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      return `click ${n.className.baseVal ?? n.className}`;
    },
    () => {
      const n = pick(clickable());
      if (!n) return 'key: nothing';
      const key = pick(keys);
      if (typeof n.focus === 'function') n.focus();
      n.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      return `key ${JSON.stringify(key)} on ${n.className.baseVal ?? n.className}`;
    },
    () => {
      const n = pick(clickable());
      if (!n) return 'hover: nothing';
      for (const kind of ['pointerover', 'mouseover', 'mouseout', 'focusin', 'focusout']) {
        n.dispatchEvent(new MouseEvent(kind, { bubbles: true, composed: true }));
      }
      return `hover ${n.className.baseVal ?? n.className}`;
    },
    () => {
      const n = pick(nodes());
      if (!n) return 'edit: nothing';
      const [name, value] = [pick(inside), pick(garbage)];
      n.setAttribute(name, value);
      return `set ${n.localName}.${name}=${JSON.stringify(value)}`;
    },
    () => {
      const n = pick(nodes());
      if (!n || random() < 0.5) return 'remove: skipped';
      n.remove();
      return `remove ${n.localName}`;
    },
    () => {
      const select = el.shadowRoot && el.shadowRoot.querySelector('select');
      if (!select) return 'select: nothing';
      select.selectedIndex = Math.floor(random() * (select.options.length + 1)) - 1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return `select ${select.selectedIndex}`;
    },
    () => {
      const name = pick(Object.keys(element));
      const value = random() < 0.8 ? pick(element[name]) : pick(garbage);
      if (random() < 0.15) el.removeAttribute(name);
      else el.setAttribute(name, value);
      return `element ${name}=${JSON.stringify(value)}`;
    },
    () => {
      el.remove();
      if (random() < 0.7) main.append(el);
      return `removed, ${el.isConnected ? 're-inserted' : 'left out'}`;
    },
    () => {
      if (!el.isConnected) main.append(el);
      return 're-inserted';
    },
    () => {
      const w = el._widget;
      if (!w) return 'handle: none';
      const call = pick(['state', 'refresh', 'svg', 'csv']);
      w[call]();
      return `handle.${call}()`;
    }
  ];
  const settled = async () => {
    // A changed attribute remounts the widget in a later task: wait for it, so that the next actions meet a
    // chart rather than the loading state. (A bound on the polls, not on time: a stuck widget fails below.)
    for (let polls = 0; polls < 500 && el.isConnected && el.getAttribute('data-state') === 'loading'; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  for (let i = 0; i < steps; i++) {
    try {
      done.push(pick(actions)());
    } catch (error) {
      done.push(`threw ${error && error.name}: ${error && error.message}`);
      if (error instanceof WebAssembly.RuntimeError) window.__fuzz.traps.push(String(error));
    }
    if (random() < 0.3) await new Promise((resolve) => requestAnimationFrame(resolve));
    await settled();
  }
  if (!el.isConnected) main.append(el);
  return done;
}

/** Opens the page with the listeners a host page might add, and the trap and alert recorders. */
async function openFuzzPage() {
  const opened = await openHtml(env.browser, env.server, PAGE);
  await opened.page.evaluate(() => {
    window.__fuzz = { traps: [], alerts: [], changes: 0 };
    window.alert = (message) => window.__fuzz.alerts.push(String(message));
    window.addEventListener('error', (event) => {
      if (event.error instanceof WebAssembly.RuntimeError) window.__fuzz.traps.push(String(event.error));
    });
    // A page keeping the view in its URL reads it back, redraws and exports from inside the event.
    document.addEventListener('province-targets-change', (event) => {
      window.__fuzz.changes++;
      const handle = event.target._widget;
      handle.state();
      handle.refresh();
      handle.svg();
    });
    // A page reading the view on every focus change, which may arrive while the widget draws.
    document.addEventListener('focusin', (event) => {
      try {
        event.target._widget?.state();
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
      }
    });
  });
  return opened;
}

async function checkSeed(seed) {
  const { ctx, page, log } = await openFuzzPage();
  try {
    await waitForChart(page, 0);
    const done = await page.evaluate(runCase, [seed, STEPS]);
    // Let the deferred work run (rows drawn after a frame, observers), then put the view back to a known one.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    await page.evaluate(() => {
      const el = document.getElementById('w');
      for (const name of ['provinces', 'highlight', 'national', 'lang', 'theme']) el.removeAttribute(name);
      el.setAttribute('indicator', 'digital-economy-share-grdp');
      el.setAttribute('year', '2025');
    });
    const why = () => `seed ${seed} (PT_FUZZ_SEED=${seed}); last steps:\n  ${done.slice(-12).join('\n  ')}\n` +
      `console: ${log.errors.join('\n')}`;
    const widget = page.locator('#w');
    await widget.locator('button.pt-toggle').first().waitFor({ timeout: 15000 }).catch(() => {
      throw new Error(`no chart at the end: ${why()}`);
    });
    const recorded = await page.evaluate(() => window.__fuzz);
    assert.deepEqual(recorded.traps, [], why());
    assert.deepEqual(recorded.alerts, [], why());
    assert.ok(!log.errors.some((e) => /RuntimeError|unreachable|internal error/.test(e)), why());
    // The widget still answers a reader's click.
    const toggle = widget.locator('button.pt-toggle').first();
    const before = await toggle.getAttribute('aria-pressed');
    await toggle.click();
    assert.notEqual(await toggle.getAttribute('aria-pressed'), before, `the widget answers a click: ${why()}`);
  } finally {
    await ctx.close();
  }
}

describe('a widget under random use never traps', () => {
  const base = Number(process.env.PT_FUZZ_SEED ?? 0);
  const seeds = process.env.PT_FUZZ_SEED
    ? [base]
    : [...REGRESSIONS, ...Array.from({ length: CASES }, (_, i) => 0x9e3779b9 * (i + 1) >>> 0)];
  for (const seed of seeds) {
    test(`seed ${seed}`, () => checkSeed(seed));
  }
});
