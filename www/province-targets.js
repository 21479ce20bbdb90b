/*! province-targets loader | MIT | one script tag: <script src=".../province-targets.js" data-indicator="…"></script> */
// It defines window.ProvinceTargets and the <province-targets> element, loads the WebAssembly module once per
// page and each dataset once per URL, and hands both to the module's mount(). Data never goes through innerHTML.
// This is the entry of the loader's modules in loader/, one per job; esbuild (scripts/build-dist.mjs) bundles
// them, the glue and the stylesheet into one minified classic script, dist/province-targets.js, so an embed
// requests that script, the .wasm and the data only.
import { addApi } from './loader/api.js';
import { EMBED, TAG } from './loader/contract.js';
import { warnSecondLoader } from './loader/checks.js';
import { ProvinceTargetsElement, followMedia } from './loader/element.js';
import { embed } from './loader/embed.js';
import { loadModule } from './loader/module.js';
import { watchForTraps } from './loader/traps.js';
import { loaderScript, scriptUrl } from './loader/urls.js';

const script = loaderScript();

// Loaded twice: keep the first copy, but still honour this script tag's embed (and say so if the two copies are
// different versions: the first one draws every chart).
if (window.ProvinceTargets) {
  warnSecondLoader(window.ProvinceTargets, script, EMBED.version);
  if (script && typeof window.ProvinceTargets.embed === 'function') window.ProvinceTargets.embed(script);
} else {
  watchForTraps();
  followMedia();
  window.ProvinceTargets = Object.freeze({
    version: EMBED.version,
    scriptUrl: scriptUrl.href,
    embed: embed,
    load: loadModule
  });
  if (window.customElements && !window.customElements.get(TAG)) {
    addApi(ProvinceTargetsElement);
    window.customElements.define(TAG, ProvinceTargetsElement);
  }
  if (script) embed(script);
}
