// Every interface string outside the Rust module: the loading, failure and alert texts, in both languages.
import { EMBED } from './contract.js';

const TEXT = {
  vi: {
    loading: 'Đang tải biểu đồ…',
    retry: 'Thử lại',
    fetchFailed: 'Không tải được dữ liệu từ {url} ({status}).',
    network: 'lỗi mạng',
    timeout: 'quá {s} giây không có phản hồi',
    badJson: 'Dữ liệu tại {url} không đọc được (JSON không hợp lệ: {detail}).',
    noWasm: 'Trình duyệt này không chạy được WebAssembly, nên không hiển thị được biểu đồ.',
    moduleFailed: 'Không tải được phần mềm vẽ biểu đồ ({detail}).',
    mountFailed: 'Không hiển thị được biểu đồ ({detail}).',
    trapped: 'Biểu đồ gặp lỗi nội bộ và đã dừng. Hãy tải lại trang; nếu lỗi còn, xin báo cho tòa soạn.',
    tampered: 'Biểu đồ bị chặn để bảo vệ bạn đọc: tệp {file} trên máy chủ khác với bản đã phát hành. Xin báo cho tòa soạn.'
  },
  en: {
    loading: 'Loading the chart…',
    retry: 'Retry',
    fetchFailed: 'Could not load the data from {url} ({status}).',
    network: 'network error',
    timeout: 'no response within {s} seconds',
    badJson: 'The data at {url} could not be read (invalid JSON: {detail}).',
    noWasm: 'This browser cannot run WebAssembly, so the chart cannot be shown.',
    moduleFailed: 'Could not load the chart software ({detail}).',
    mountFailed: 'Could not show the chart ({detail}).',
    trapped: 'The chart hit an internal error and stopped. Reload the page; if it happens again, please tell the newsroom.',
    tampered: 'The chart was blocked to protect readers: the file {file} on the server differs from the published one. Please tell the newsroom.'
  }
};

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function text(lang, key, params) {
  const table = TEXT[lang] || TEXT.vi;
  return table[key].replace(/\{(\w+)\}/g, (all, name) => (params && params[name] != null ? String(params[name]) : all));
}

// The language an element asks for, by the module's own rule (Lang::parse, carried here as a regular
// expression by the contract): a BCP 47 tag in any case whose primary subtag the widget speaks, or the default.
export const LANG_TAG = new RegExp(EMBED.lang_tag, 'i');

export function langOf(el) {
  const match = LANG_TAG.exec(el.getAttribute('lang') || '');
  return match ? match[1].toLowerCase() : EMBED.lang_default;
}

/** An error the element shows as the message `kind`; `final` when a retry cannot help. */
export function kindError(kind, params, final) {
  const error = new Error(kind);
  error.kind = kind;
  error.params = params;
  error.final = !!final;
  return error;
}

export function messageOf(error) {
  if (error == null) return 'unknown';
  if (typeof error === 'string') return error;
  return error.message || String(error);
}

export function warnEmbed(message) {
  console.warn('province-targets: ' + message);
}
