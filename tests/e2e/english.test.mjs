// An English reader reads the evidence: the details panel shows the verbatim Vietnamese quote first (lang="vi"),
// then its English labelled "Unofficial translation" (lang="en"); the source line and the document line cite
// the documents and issuers in English. A Vietnamese reader is shown no English at all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHtml, screenshot, squash, start, stop, waitForChart } from './helpers.mjs';

let server;
let browser;
let data;

before(async () => {
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));

/** A page holding one widget on the digital-economy share of Bắc Giang and Lạng Sơn, in `lang`. */
async function embed(lang) {
  const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <body><province-targets lang="${lang}" indicator="digital-economy-share-grdp" provinces="bac-giang,lang-son"></province-targets>
    <script src="province-targets.js" data-embed="none"></script></body></html>`;
  const opened = await openHtml(browser, server, html, { viewport: { width: 1000, height: 900 } });
  return { ...opened, widget: await waitForChart(opened.page, 0) };
}

const sourceOf = (province) => data.sources.find((s) => s.province === province);
const targetOf = (id) => data.targets.find((t) => t.id === id);

/** The panel's quote and translation, in the order a reader meets them, with their languages. */
const panelQuotes = (widget) => widget.locator('.pt-details').evaluate((panel) =>
  [...panel.querySelectorAll('[lang]')].map((el) => ({ lang: el.getAttribute('lang'), text: el.textContent })));

describe('the evidence in English', () => {
  test('the English panel shows the Vietnamese quote, then its labelled unofficial translation', async () => {
    const { ctx, page, widget } = await embed('en');
    try {
      const bacGiang = targetOf('bac-giang/digital-economy-share-grdp/2025');
      assert.ok(bacGiang.quote_en, 'the bundled target has its translation');
      await widget.locator('.pt-mark[aria-label^="Bắc Giang"]').first().focus();
      assert.deepEqual((await panelQuotes(widget)).map(({ lang, text }) => ({ lang, text: squash(text) })), [
        { lang: 'vi', text: squash(`“${bacGiang.quote}”`) },
        { lang: 'en', text: squash(`Unofficial translation: “${bacGiang.quote_en}”`) }
      ], 'the Vietnamese first, as the evidence, then the English');

      const source = sourceOf('bac-giang');
      const details = squash(await widget.locator('.pt-details').innerText());
      assert.ok(details.includes(`Document: ${source.document_en}, ${source.title_en}`), details);
      assert.ok(details.includes(`Issued by: ${source.issuer_en}`), details);
      assert.ok(!details.includes(source.issuer), `no Vietnamese issuer: ${details}`);
      await screenshot(page, 'english-panel.png');
    } finally {
      await ctx.close();
    }
  });

  test('the English source line cites each document by its English name and issuer', async () => {
    const { ctx, widget } = await embed('en');
    try {
      const [bacGiang, langSon] = [sourceOf('bac-giang'), sourceOf('lang-son')];
      assert.equal(squash(await widget.locator('.pt-source').innerText()),
        `Source: ${bacGiang.document_en}, ${bacGiang.issuer_en}; ${langSon.document_en}, ${langSon.issuer_en}`);
    } finally {
      await ctx.close();
    }
  });

  test('the Vietnamese widget shows no English: no translation, no English title, issuer or source', async () => {
    const { ctx, widget } = await embed('vi');
    try {
      const bacGiang = targetOf('bac-giang/digital-economy-share-grdp/2025');
      await widget.locator('.pt-mark[aria-label^="Bắc Giang"]').first().focus();
      assert.deepEqual((await panelQuotes(widget)).map(({ lang }) => lang), ['vi'], 'the Vietnamese quote alone');
      const text = squash(await widget.locator('.pt-root').innerText());
      assert.ok(text.includes(squash(bacGiang.quote)), text);
      const english = [bacGiang.quote_en, 'Unofficial translation'];
      for (const source of [sourceOf('bac-giang'), sourceOf('lang-son')]) {
        english.push(source.document_en, source.title_en, source.issuer_en);
      }
      for (const words of english) assert.ok(!text.includes(words), `"${words}" is shown to a Vietnamese reader`);
      assert.equal(await widget.locator('.pt-root [lang="en"]').count(), 0, 'no element in English');
    } finally {
      await ctx.close();
    }
  });
});
