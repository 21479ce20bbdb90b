// The byte budget of a reader's embed: the loader, the module and the bundled data, compressed as a CDN serves
// them (gzip -9 and brotli 11), from dist/ as built. Size is not timing: the same build gives the same bytes on
// any machine, so this holds in a test. A feature that grows the embed past the budget must pay for its bytes
// elsewhere first, or raise the budget in a reviewed change that says why.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { builtFiles, DIST } from './helpers.mjs';

/** Bytes of the embed (loader + module + data) as last measured (161,931 B gzip, 135,434 B brotli), each rounded
 * up by under 1 KB. The module's short import and export names (scripts/short-names.mjs) took 5,694 B gzip and
 * 4,086 B brotli off the 161,730 and 134,288 B that the in-place update and the page's API had brought it to; the
 * phone layout (the chart first, the held details panel, the table's cards, the chips as one Tab stop) and the
 * view's own CSV add 1,943 B gzip and 1,944 B brotli; the marks' motion between views and layout="story" 1,980 B
 * gzip and 1,679 B brotli; the outlet's credit 297 and 300 B; a change of view said as what changed
 * (chart/announcement.rs) and the fit when the content passes the screen's bottom 872 and 630 B; the reservation
 * by the default view's own height (30 bands instead of 14) and the builder's `heights` (loader/heights.js) 657
 * and 536 B. */
const BUDGET = { gzip: 162_400, brotli: 135_900 };

const EMBED_FILES = ['province-targets.js', 'province_targets_bg.wasm', 'targets.json'];

async function compressed(name) {
  const files = await builtFiles();
  const bytes = await readFile(join(DIST, files[name].path));
  return {
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
    }).length
  };
}

describe('the byte budget', () => {
  test('a reader\'s embed (loader, module, data) stays within its compressed budget', async () => {
    const sizes = {};
    for (const name of EMBED_FILES) sizes[name] = await compressed(name);
    const total = (kind) => EMBED_FILES.reduce((sum, name) => sum + sizes[name][kind], 0);
    const report = EMBED_FILES.map((name) => `${name}: ${sizes[name].gzip} B gzip, ${sizes[name].brotli} B brotli`)
      .join('; ');
    for (const kind of ['gzip', 'brotli']) {
      assert.ok(total(kind) <= BUDGET[kind],
        `the embed is ${total(kind)} B ${kind}, over its budget of ${BUDGET[kind]} B (${report})`);
    }
  });
});
