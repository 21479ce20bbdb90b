// Where our own files are: beside the loader script, under the content-hashed names the build gave them, each
// fetched with its integrity hash.
import { HASHED_NAMES, INTEGRITY } from './contract.js';
import { kindError } from './messages.js';

// Read while the loader's own script runs (the bundle evaluates this module then): later it is null.
const script = document.currentScript;

export const scriptUrl = new URL(script && script.src ? script.src : 'province-targets.js', document.baseURI);

/** The script element this loader came from, if any (null when run from an inline copy or another script). */
export function loaderScript() {
  return script;
}

export function assetUrl(name) {
  return new URL(name, scriptUrl).href;
}

/** The URL of one of our own files, by its logical name ("province_targets_bg.wasm", "targets.json"). */
export function ownUrl(name) {
  return assetUrl(HASHED_NAMES[name]);
}

/** The logical file name and expected hash of one of our own files at `url`, or null (another URL: no check). */
function integrityFor(url) {
  for (const name of Object.keys(INTEGRITY)) {
    if (ownUrl(name) === url) return { file: name, hash: INTEGRITY[name] };
  }
  return null;
}

/**
 * fetch() with the file's integrity hash, if it is one of ours. A failed integrity check rejects like a network
 * error; a second request without the check tells the two apart (only on that failure path), and a file that
 * arrives but differs is reported as tampered: in the console, naming the file, and to the reader. A newsroom's
 * own dataset has no hash known at build time and is fetched as it is.
 */
export function fetchVerified(url, init) {
  const check = integrityFor(url);
  if (!check) return fetch(url, init);
  return fetch(url, Object.assign({}, init, { integrity: check.hash })).catch((error) =>
    fetch(url, Object.assign({}, init, { cache: 'no-store' })).then((response) => {
      if (!response.ok) throw error;
      console.error('province-targets: ' + check.file + ' (' + url + ') failed its integrity check: it is not ' +
        'the file this loader was built with (expected ' + check.hash + '), so it was refused and the chart is ' +
        'not shown. Deploy the loader, the module and the data of one build together.');
      throw kindError('tampered', { file: check.file }, true);
    }, () => {
      throw error;
    }));
}
