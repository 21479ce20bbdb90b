// End-to-end test of the scrollytelling demo (dist/story.html): scrolling through every step, and tabbing to it,
// sets the step's view on the one sticky chart, never shows a loading state after the first mount, and never
// moves the article's text. Screenshots of each step at 360 and 1280 px go to test-output/. Each test has a generous
// timeout: a step whose view never comes fails the run rather than hanging it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { animationsDone, openHtml, openPage, ROOT, screenshot, start, stop, waitForChart } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env));

/** Waits until the chart's view is the one `step` names. */
async function viewOfStep(page, index) {
  return page.evaluate(async (index) => {
    const step = document.querySelectorAll('.story-step')[index];
    const el = document.querySelector('.story-chart province-targets');
    const wanted = { indicator: step.dataset.indicator, year: step.dataset.year, highlight: step.dataset.highlight };
    const matches = () => {
      const view = el.view;
      return view && view.indicator === wanted.indicator && view.year === wanted.year &&
        (view.highlight ?? '') === wanted.highlight;
    };
    while (!matches()) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return { wanted, view: el.view, selected: el.shadowRoot.querySelector('select').value };
  }, index);
}

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  describe(`the story at ${viewport.width} px`, () => {
    test('every step sets its view, with no loading state and no move of the text', { timeout: 120_000 }, async () => {
      const { ctx, page, log } = await openPage(env.browser, `${env.server.url}story.html`, { viewport });
      try {
        await waitForChart(page);
        await page.evaluate(() => {
          const el = document.querySelector('.story-chart province-targets');
          window.__ptStates = [];
          new MutationObserver(() => window.__ptStates.push(el.getAttribute('data-state')))
            .observe(el, { attributes: true, attributeFilter: ['data-state'] });
          window.__ptTops = () => [...document.querySelectorAll('.story-step')]
            .map((step) => step.getBoundingClientRect().top + scrollY);
          window.__ptFirstTops = window.__ptTops();
        });
        const count = await page.locator('.story-step').count();
        assert.ok(count >= 5 && count <= 7, `${count} steps`);
        for (let i = 0; i < count; i++) {
          // To the reading line, as a reader scrolls or a keyboard focuses it (story.css's scroll-margin-top).
          await page.locator('.story-step').nth(i).evaluate((step) => step.scrollIntoView({ block: 'start' }));
          const { wanted, selected } = await viewOfStep(page, i);
          assert.equal(selected, wanted.indicator, `step ${i + 1}: the reader sees the indicator`);
          const covers = await page.evaluate((index) => {
            const step = document.querySelectorAll('.story-step')[index].getBoundingClientRect();
            const chart = document.querySelector('.story-chart').getBoundingClientRect();
            const overlap = (a0, a1, b0, b1) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
            return overlap(step.left, step.right, chart.left, chart.right) * overlap(step.top, step.bottom, chart.top, chart.bottom);
          }, i);
          assert.equal(covers, 0, `step ${i + 1} does not cover the chart while it is read`);
          const title = await page.evaluate(() => {
            const t = document.querySelector('.story-chart province-targets').shadowRoot.querySelector('.pt-title');
            return { text: t.textContent, cut: t.scrollHeight > t.clientHeight + 1 };
          });
          assert.ok(!title.cut, `step ${i + 1}: the headline is whole: ${title.text}`);
          // The picture is of the step's settled view, not of the marks on their way to it.
          await animationsDone(page.locator('.story-chart province-targets'));
          await screenshot(page, `story-${viewport.width}-step-${i + 1}.png`);
        }
        const seen = await page.evaluate(() => ({ states: window.__ptStates, same: JSON.stringify(window.__ptTops()) ===
          JSON.stringify(window.__ptFirstTops) }));
        assert.deepEqual(seen.states, [], 'never a loading state');
        assert.ok(seen.same, 'the steps never moved');
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });
  });
}

describe('the story by keyboard', () => {
  test('Tab reaches every step and the chart follows focus', { timeout: 120_000 }, async () => {
    const { ctx, page } = await openPage(env.browser, `${env.server.url}story.html`, {
      viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce'
    });
    try {
      await waitForChart(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      const count = await page.locator('.story-step').count();
      await page.locator('.story-step').first().focus();
      for (let i = 0; i < count; i++) {
        if (i > 0) await page.keyboard.press('Tab');
        assert.ok(await page.locator('.story-step').nth(i).evaluate((step) => step === document.activeElement));
        await viewOfStep(page, i);
      }
    } finally {
      await ctx.close();
    }
  });
});

describe("the README's recipe", () => {
  test('pasted into a fresh page, it gives the same steps', { timeout: 120_000 }, async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.split('### A scrolling story (recipe)')[1].split('\n## ')[0].split('\n### ')[0];
    const block = (lang) => section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'))[1];
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script src="/province-targets.js" data-embed="none"></script><style>${block('css')}</style></head>
<body><h1>Bài viết</h1>${block('html')}<script>${block('js')}</script></body></html>`;
    const { ctx, page, log } = await openHtml(env.browser, env.server, html, { viewport: { width: 360, height: 740 } });
    try {
      await waitForChart(page);
      const count = await page.locator('.story-step').count();
      assert.ok(count >= 2);
      for (let i = 0; i < count; i++) {
        await page.locator('.story-step').nth(i).evaluate((step) => step.scrollIntoView({ block: 'start' }));
        await viewOfStep(page, i);
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });
});
