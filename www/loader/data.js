// Datasets, once per distinct URL. The text is fetched once per URL, parsed once by the browser's own
// JSON.parse, and read (validated into the module's types through serde-wasm-bindgen) once per URL; every
// widget showing the same data shares the result. Text that is not JSON goes to the module with the parser's
// message, which it turns into a line and column in the reader's language.
//
// A URL's text and dataset are released once no connected widget shows that URL any more: a single-page site
// that mounts hundreds of articles, each with its own src, keeps only the datasets on screen. The release runs
// when another URL is added, so a widget moved in the page (disconnected and connected again at once) keeps
// its dataset.
import { kindError } from './messages.js';
import { currentInstance, isTrapped, liveElements } from './module.js';
import { fetchVerified } from './urls.js';

const FETCH_TIMEOUT_MS = 10000;

const texts = new Map();
const readData = new Map();

/** Forgets the texts and frees the datasets of every URL no connected widget shows. */
function releaseUnused() {
  const used = new Set();
  liveElements.forEach((element) => used.add(element._dataUrl()));
  texts.forEach((promise, url) => {
    if (!used.has(url)) texts.delete(url);
  });
  readData.forEach((promise, url) => {
    if (used.has(url)) return;
    readData.delete(url);
    // The widgets that showed it hold their own reference to the dataset in the module; this frees the handle.
    promise.then((data) => {
      if (isTrapped() || data.instance !== currentInstance()) return; // void with its instance
      data.free();
    }, () => {});
  });
}

/** Forgets every dataset read by the module, without calling into it: after it trapped, its handles are void. */
export function forgetData() {
  readData.clear();
}

export function loadText(url) {
  const known = texts.get(url);
  if (known) return known;
  releaseUnused();
  const promise = fetchText(url);
  // A failure stays cached until a reader asks to retry (forgetText), so that every widget on the URL reports
  // it and none requests it again on its own.
  promise.catch(() => {
    promise.failed = true;
  });
  texts.set(url, promise);
  return promise;
}

export function forgetText(url) {
  const known = texts.get(url);
  if (known && known.failed) texts.delete(url);
}

// A text this long (the bundled dataset is 84 KB) is read a slice of records at a time, giving the page back
// to the reader between slices; a shorter one is read in one call, which is quicker to its first chart.
const SLICED_TEXT = 200000;
const SLICE_RECORDS = 100; // records per call into the module: about 1 ms each
const SLICE_MS = 8; // calls per task until this much time has passed, well under a 50 ms long task

/**
 * A test seam: a page that sets `window.__ptSliceRecords` before the loader runs has each task read exactly that
 * many records, so a test knows how many slices a dataset takes on any machine, fast or slow. No real page sets it.
 */
function fixedSlice() {
  const records = window.__ptSliceRecords;
  return typeof records === 'number' && records > 0 ? Math.floor(records) : 0;
}

/** A promise of the module's `Data` for the dataset at `url`, read once per URL, shared by its widgets. */
export function dataFor(mod, url, text) {
  let data = readData.get(url);
  if (!data) {
    releaseUnused();
    const instance = currentInstance();
    data = readText(mod, text, instance).then((read) => {
      read.instance = instance;
      const syntax = read.syntax_error('en');
      // Like every other data problem, the detail goes to the console for the editor.
      if (syntax) console.error('province-targets: ' + url + ' is not valid JSON: ' + syntax);
      return read;
    });
    readData.set(url, data);
  }
  return data;
}

function readText(mod, text, instance) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return Promise.resolve(mod.read_unparsable_data(text, String(error && error.message)));
  }
  if (text.length < SLICED_TEXT) return Promise.resolve(mod.read_data(value));
  const reader = mod.start_reading(value);
  return nextTask().then(() => readSlices(reader, instance));
}

function stopIfTrapped(instance) {
  // Another widget's call may have trapped the shared instance meanwhile: never call into it again, nor into the
  // fresh instance with this one's reader (every widget is drawn again after a trap, and reads anew).
  if (isTrapped() || instance !== currentInstance()) throw kindError('trapped', null, true);
}

// One task's worth of records, then the next task; once all are read, validation in a task of its own, the first
// view drawn into nothing in the next (Data.warm_up: the browser compiles the drawing code there rather than in
// the frame that shows the chart), and the first mount in the task after it.
async function readSlices(reader, instance) {
  for (;;) {
    stopIfTrapped(instance);
    let done = false;
    if (fixedSlice() > 0) {
      done = reader.read_some(fixedSlice());
    } else {
      const until = performance.now() + SLICE_MS;
      while (!done && performance.now() < until) done = reader.read_some(SLICE_RECORDS);
    }
    await nextTask();
    if (done) break;
  }
  stopIfTrapped(instance);
  const data = reader.finish();
  await nextTask();
  stopIfTrapped(instance);
  data.warm_up();
  await nextTask();
  return data;
}

/** A promise that settles in a later task, after the browser has had the chance to handle input and paint. */
function nextTask() {
  if (window.scheduler && typeof window.scheduler.yield === 'function') return window.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * The text at `url`, or a 'fetchFailed' error. The timeout covers the whole response, its body as well as its
 * headers: a server that sends headers and then stalls would otherwise leave the reader a loading state for good.
 */
function fetchText(url) {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (controller) controller.abort();
  }, FETCH_TIMEOUT_MS);
  const failed = (error) => {
    if (error && (error.kind === 'tampered' || error.kind === 'fetchFailed') && !timedOut) throw error;
    throw kindError('fetchFailed', {
      url: url,
      status: timedOut ? { key: 'timeout', s: FETCH_TIMEOUT_MS / 1000 } : { key: 'network' }
    });
  };
  const request = fetchVerified(url, { credentials: 'omit', signal: controller ? controller.signal : undefined });
  return request
    .then((response) => {
      if (!response.ok) throw kindError('fetchFailed', { url: url, status: 'HTTP ' + response.status });
      return response.text();
    })
    .catch(failed)
    .finally(() => clearTimeout(timer));
}
