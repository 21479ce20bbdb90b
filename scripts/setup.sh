#!/usr/bin/env bash
# Installs what building and testing need, from the registries only (crates.io, Debian, npm).
# Idempotent and quiet when everything is already there; each check says what is wrong before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf 'setup: %s\n' "$*" >&2; }

# 1. The WebAssembly target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown missing: installing"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The pinned nightly for the release module only (scripts/nightly.sh says why), with rust-src (build-std
#     compiles std for the module) and the wasm32 target. RUSTUP_AUTO_INSTALL=0 on CI: nothing installs it
#     on first use, so it is installed here.
source scripts/nightly.sh
nightly_ready() {
  local components targets
  components="$(rustup component list --installed --toolchain "$PT_NIGHTLY" 2>/dev/null)" || return 1
  targets="$(rustup target list --installed --toolchain "$PT_NIGHTLY" 2>/dev/null)" || return 1
  [[ $'\n'"$components"$'\n' == *$'\n'rust-src$'\n'* && $'\n'"$targets"$'\n' == *$'\n'wasm32-unknown-unknown$'\n'* ]]
}
if ! nightly_ready; then
  say "toolchain $PT_NIGHTLY (with rust-src and the wasm32-unknown-unknown target) missing: installing"
  rustup toolchain install "$PT_NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown
  nightly_ready || { say "still no $PT_NIGHTLY with rust-src and wasm32-unknown-unknown after installing"; exit 1; }
fi

# 2. wasm-pack 0.15.x.
have_pack="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
if [[ ! "$have_pack" =~ ^0\.15\. ]]; then
  say "wasm-pack ${have_pack:-(none)} on PATH, need 0.15.x: installing"
  cargo install wasm-pack --locked --quiet
  have_pack="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
  [[ "$have_pack" =~ ^0\.15\. ]] || { say "still wasm-pack ${have_pack:-(none)} after installing"; exit 1; }
fi

# 3. wasm-bindgen CLI, exactly the version Cargo.toml pins (the CLI and the crate must match).
need_bindgen="$(sed -nE 's/^wasm-bindgen[[:space:]]*=.*"=([0-9.]+)".*/\1/p' Cargo.toml | head -n1)"
if [[ -z "$need_bindgen" ]]; then
  say "cannot read the pinned version from Cargo.toml (expected a line: wasm-bindgen = \"=X.Y.Z\" or { version = \"=X.Y.Z\", … })"
  exit 1
fi
have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have_bindgen" != "$need_bindgen" ]]; then
  say "wasm-bindgen ${have_bindgen:-(none)} on PATH, need $need_bindgen: installing"
  # No --locked: the CLI's lock names a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$need_bindgen" --force --quiet
  have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  [[ "$have_bindgen" == "$need_bindgen" ]] || { say "still wasm-bindgen ${have_bindgen:-(none)} after installing"; exit 1; }
fi

# 4. Debian's chromium and chromedriver (browser tests and the end-to-end tests).
missing_pkgs=()
command -v chromium >/dev/null 2>&1 || missing_pkgs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_pkgs+=(chromium-driver)
if ((${#missing_pkgs[@]})); then
  say "missing ${missing_pkgs[*]}: installing with apt-get"
  sudo_cmd=()
  if [[ "$(id -u)" != 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 4b. poppler-utils (pdftoppm, pdftotext): the print test turns Chromium's PDF into an image and text.
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  say "pdftoppm/pdftotext missing: installing poppler-utils with apt-get"
  sudo_cmd=()
  if [[ "$(id -u)" != 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

# 5. npm tools (wasm-opt from binaryen, esbuild, playwright-core), exactly as the lock says.
if [[ ! -d tools/node_modules || tools/package-lock.json -nt tools/node_modules ]]; then
  say "tools/node_modules missing or older than tools/package-lock.json: npm ci"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' >&2 || true
  [[ -x tools/node_modules/.bin/wasm-opt ]] || { say "npm ci did not install wasm-opt"; exit 1; }
  [[ -x tools/node_modules/.bin/esbuild ]] || { say "npm ci did not install esbuild"; exit 1; }
  touch tools/node_modules
fi

# Debian's binaryen (108) produces modules that throw at load time; we never use it, but say so.
if command -v wasm-opt >/dev/null 2>&1 && [[ "$(command -v wasm-opt)" != "$PWD/tools/node_modules/.bin/wasm-opt" ]]; then
  case "$(wasm-opt --version 2>/dev/null)" in
    *version\ 132*) ;;
    *) say "note: ignoring $(command -v wasm-opt) ($(wasm-opt --version 2>/dev/null)); the build uses tools/node_modules/.bin/wasm-opt" ;;
  esac
fi
exit 0
