// End-to-end tests of the chart's motion between two views (src/web/motion.js) and of the story layout: a move
// ends at the very drawing a fresh widget with the same view shows, a mark that stays keeps its node, a change in
// the middle of a move ends at the new view, reduced motion swaps the views with no animation at all, and on the
// story page the text never moves while the steps change. Nothing here depends on how fast the machine is: each
// test waits for the update() promise, the change event or the animations' own `finished`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHtml, openPage, screenshot, start, stop, waitForChart } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env));

const INDICATOR = 'digital-economy-share-grdp';
const OTHER_INDICATOR = 'records-online-commune';

/** A page with one widget of fixed width (so a second one, mounted later, is laid out the same). */
function pageWith(attributes, options) {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script src="/province-targets.js" data-embed="none"></script></head>
<body style="margin:0"><div id="column" style="width:760px">
<province-targets id="moving" controls="none" ${attributes}></province-targets></div></body></html>`;
  return openHtml(env.browser, env.server, html, { viewport: { width: 1000, height: 900 }, ...options });
}

/** Waits until no animation runs in any widget on the page (each ends by itself or is cut by the next change). */
async function settled(page) {
  await page.evaluate(async () => {
    for (;;) {
      const running = [...document.querySelectorAll('province-targets')].flatMap((el) => el.shadowRoot.getAnimations());
      if (!running.length) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => {})));
    }
  });
}

/**
 * The chart's SVG of the widget `#moving`, and that of a fresh widget mounted with its view now (same options,
 * same width), once the fresh one has drawn every row.
 */
async function drawnAndFresh(page) {
  await settled(page);
  return page.evaluate(async () => {
    const moving = document.getElementById('moving');
    const fresh = document.createElement('province-targets');
    for (const { name, value } of moving.attributes) if (name !== 'id' && !name.startsWith('data-')) {
      fresh.setAttribute(name, value);
    }
    const view = moving.view;
    for (const name of ['indicator', 'year', 'provinces', 'national']) fresh.setAttribute(name, view[name]);
    if (view.highlight) fresh.setAttribute('highlight', view.highlight);
    document.getElementById('column').append(fresh);
    while (!fresh.view) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    // The rows a first drawing leaves for later come in a task after the next frame.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const svg = (el) => el.shadowRoot.querySelector('.pt-chart svg').outerHTML;
    return { drawn: svg(moving), fresh: svg(fresh) };
  });
}

/** Marks the chart's marks by a property, then applies `changes` and reports what ran right after the draw. */
function changeAndWatch(page, changes) {
  return page.evaluate(async (changes) => {
    const el = document.getElementById('moving');
    const svg = el.shadowRoot.querySelector('.pt-chart svg');
    for (const mark of svg.querySelectorAll('[data-target]')) mark.__ptBefore = mark.getAttribute('data-target');
    const atDraw = new Promise((resolve) => el.addEventListener('province-targets-change', () => resolve({
      animations: el.shadowRoot.getAnimations().length,
      leaving: svg.querySelectorAll('.pt-leaving').length
    }), { once: true }));
    const view = await el.update(changes);
    const marks = [...svg.querySelectorAll('[data-target]')];
    return {
      atDraw: await atDraw,
      view,
      kept: marks.filter((mark) => mark.__ptBefore === mark.getAttribute('data-target')).length,
      stale: marks.filter((mark) => mark.__ptBefore && mark.__ptBefore !== mark.getAttribute('data-target')).length,
      marks: marks.length
    };
  }, changes);
}

describe('a move between two views', () => {
  for (const [what, changes] of [
    ['a year of the same indicator', { year: '2025', highlight: 'bac-giang' }],
    ['fewer provinces', { provinces: 'bac-giang,binh-dinh,lang-son' }],
    ['another indicator (rows cross-fade)', { indicator: OTHER_INDICATOR, year: 'all' }]
  ]) {
    test(`${what}: it moves, and ends at a fresh mount's drawing`, async () => {
      const { ctx, page, log } = await pageWith(`indicator="${INDICATOR}" year="all"`);
      try {
        await waitForChart(page);
        await settled(page);
        const seen = await changeAndWatch(page, changes);
        assert.ok(seen.atDraw.animations > 0, 'something moves or fades right after the change');
        assert.equal(seen.stale, 0, 'no node stands for another target than it did');
        const { drawn, fresh } = await drawnAndFresh(page);
        assert.equal(drawn, fresh, 'the settled chart is the drawing a fresh widget shows');
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });
  }

  test('a mark that stays keeps its node, and slides', async () => {
    const { ctx, page } = await pageWith(`indicator="${INDICATOR}" year="all"`);
    try {
      await waitForChart(page);
      await settled(page);
      const seen = await page.evaluate(async () => {
        const el = document.getElementById('moving');
        const svg = el.shadowRoot.querySelector('.pt-chart svg');
        // A 2025 target of a province that stays: its row moves up when the 2030 legend goes.
        const mark = [...svg.querySelectorAll('.pt-mark')].find((m) => m.getAttribute('aria-label').includes('2025'));
        const key = mark.getAttribute('data-target');
        const moved = new Promise((resolve) => el.addEventListener('province-targets-change', () => resolve(
          mark.getAnimations().length + mark.closest('[data-row]').getAnimations().length), { once: true }));
        await el.update({ year: '2025' });
        return { key, same: svg.querySelector(`[data-target="${key}"]`) === mark, moved: await moved };
      });
      assert.ok(seen.same, `the mark ${seen.key} is the same node after the move`);
      assert.ok(seen.moved > 0, 'the mark or its row slides');
    } finally {
      await ctx.close();
    }
  });

  test('a change in the middle of a move ends at the new view', async () => {
    const { ctx, page, log } = await pageWith(`indicator="${INDICATOR}" year="all"`);
    try {
      await waitForChart(page);
      await settled(page);
      const views = await page.evaluate(async (other) => {
        const el = document.getElementById('moving');
        const first = el.update({ year: '2025', highlight: 'bac-giang' });
        // The first move has started (its animations run) when the second change comes.
        while (!el.shadowRoot.getAnimations().length) await new Promise((resolve) => requestAnimationFrame(resolve));
        const second = el.update({ indicator: other, year: '2030', highlight: null });
        return { first: await first, second: await second };
      }, OTHER_INDICATOR);
      await screenshot(page, 'motion-interrupted-after.png');
      assert.equal(views.second.indicator, OTHER_INDICATOR);
      assert.equal(views.second.year, '2030');
      const { drawn, fresh } = await drawnAndFresh(page);
      assert.equal(drawn, fresh, 'the chart ends at the second view, as a fresh widget draws it');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('mid-move, a mark moves with its row; screenshots mid-move and after', async () => {
    const { ctx, page } = await pageWith(`indicator="${INDICATOR}" year="all"`);
    // Each mark's height above its row's name: the same mid-move as after, for a mark whose place in its row stays.
    const offsets = () => page.evaluate(() => {
      const svg = document.getElementById('moving').shadowRoot.querySelector('.pt-chart svg');
      return Object.fromEntries([...svg.querySelectorAll('[data-row] > [data-target]')].map((mark) => {
        const name = mark.parentNode.querySelector(':scope > text').getBoundingClientRect();
        const at = mark.firstElementChild.getBoundingClientRect();
        return [mark.getAttribute('data-target'), Math.round(at.top - name.top)];
      }));
    });
    try {
      await waitForChart(page);
      await settled(page);
      await page.evaluate(async () => {
        const el = document.getElementById('moving');
        el.update({ year: '2030', highlight: 'vinh-phuc' });
        while (!el.shadowRoot.getAnimations().length) await new Promise((resolve) => requestAnimationFrame(resolve));
        // Held at a third of the way, whatever the machine's speed.
        for (const animation of el.shadowRoot.getAnimations()) {
          animation.pause();
          animation.currentTime = animation.effect.getComputedTiming().duration / 3;
        }
      });
      await screenshot(page, 'motion-mid.png', { clip: { x: 0, y: 0, width: 760, height: 560 } });
      const mid = await offsets();
      await page.evaluate(() => {
        for (const animation of document.getElementById('moving').shadowRoot.getAnimations()) animation.finish();
      });
      await settled(page);
      await screenshot(page, 'motion-after.png', { clip: { x: 0, y: 0, width: 760, height: 560 } });
      const end = await offsets();
      assert.ok(Object.keys(end).length > 0);
      assert.deepEqual(mid, end, 'each mark keeps its place in its row while the row slides');
    } finally {
      await ctx.close();
    }
  });
});

describe('reduced motion', () => {
  test('the views swap: no animation runs right after the change, nothing is left fading', async () => {
    const { ctx, page, log } = await pageWith(`indicator="${INDICATOR}" year="all"`, { reducedMotion: 'reduce' });
    try {
      await waitForChart(page);
      for (const changes of [{ year: '2025' }, { indicator: OTHER_INDICATOR, year: 'all' }, { provinces: 'lang-son' }]) {
        const seen = await changeAndWatch(page, changes);
        assert.deepEqual(seen.atDraw, { animations: 0, leaving: 0 }, `no motion for ${JSON.stringify(changes)}`);
      }
      const { drawn, fresh } = await drawnAndFresh(page);
      assert.equal(drawn, fresh);
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });
});

describe('layout="story"', () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    test(`on story.html at ${viewport.width} px, the steps change with a layout shift of 0`, { timeout: 120_000 }, async () => {
      const { ctx, page, log } = await openPage(env.browser, `${env.server.url}story.html`, { viewport });
      try {
        await waitForChart(page);
        await page.evaluate(() => {
          window.__ptShift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__ptShift += entry.value;
          }).observe({ type: 'layout-shift' });
        });
        const box = await page.evaluate(() => {
          const el = document.querySelector('.story-chart province-targets');
          return { layout: el.getAttribute('layout'), height: el.getBoundingClientRect().height };
        });
        assert.equal(box.layout, 'story');
        const count = await page.locator('.story-step').count();
        for (let i = 0; i < count; i++) {
          // To the reading line, as a reader scrolls or a keyboard focuses it (story.css's scroll-margin-top).
          await page.locator('.story-step').nth(i).evaluate((step) => step.scrollIntoView({ block: 'start' }));
          await page.evaluate(async (index) => {
            const step = document.querySelectorAll('.story-step')[index];
            const el = document.querySelector('.story-chart province-targets');
            while (el.view?.year !== step.dataset.year || el.view?.indicator !== step.dataset.indicator) {
              await new Promise((resolve) => requestAnimationFrame(resolve));
            }
          }, i);
          await settled(page);
          const height = await page.evaluate(() =>
            document.querySelector('.story-chart province-targets').getBoundingClientRect().height);
          assert.equal(height, box.height, `step ${i + 1}: the chart's box keeps its height`);
        }
        // Layout shifts are reported after the frame that made them: one more frame has been drawn.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.equal(await page.evaluate(() => window.__ptShift), 0, 'no layout shift while the steps change');
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });
  }
});
