#!/usr/bin/env bash
# make build: wasm-pack on the pinned nightly (its wasm-opt off), npm's wasm-opt, a load check, then dist/
# (content-hashed module and data, one stable loader), the static fallbacks, _headers and precompressed copies.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

WASM_OPT="$PWD/tools/node_modules/.bin/wasm-opt"   # never Debian's wasm-opt (binaryen 108 breaks the module)
PKG=pkg                                            # wasm-pack's output, left as wasm-pack wrote it
STAGE=target/pt-optimised                          # glue + optimised module, the input of dist/
# Features a module may use: all shipped in Chrome/Edge 91+, Firefox 79+, Safari 15+. These are also what
# rustc's wasm32 target enables by default, assumed when the module carries no target_features section.
ALLOWED_FEATURES="mutable-globals nontrapping-float-to-int bulk-memory bulk-memory-opt sign-ext reference-types multivalue call-indirect-overlong"

# Two builds at once (several people share this tree) would overwrite each other's pkg/ and dist/.
mkdir -p target
exec 9>target/.pt-build.lock
if ! flock -n 9; then
  echo "build: another make build is running in this tree; waiting for it"
  flock 9
fi

# The release module only is built on the pinned nightly (scripts/nightly.sh), for size: std is rebuilt with
# the module (build-std) so that panics abort on the spot (immediate-abort: no panic machinery, no message
# formatting), panic locations and Debug formatting are left out. Nothing a reader sees may depend on `{:?}`,
# and a panic is a "RuntimeError: unreachable" thrown into the loader (no panic hook runs). Everything else
# (fmt, clippy, cargo test, wasm-pack test, the native CLI below) stays on stable: the nightly is pinned for
# these flags, not trusted for the rest. It builds in its own target dir, so the stable caches in target/ are
# never rebuilt for other flags or another compiler; pkg/ and target/pt-optimised/ stay where they were.
# std is also built with its `optimize_for_size` feature, which picks its smaller implementations (sorting,
# integer printing, string search) over its faster ones: 2.6 KB gzipped less per embed.
source scripts/nightly.sh
NIGHTLY_TARGET_DIR=target/nightly
NIGHTLY_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
BUILD_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)

echo "== build: wasm-pack build --release --target web (on $PT_NIGHTLY, build-std)"
RUSTUP_TOOLCHAIN="$PT_NIGHTLY" CARGO_TARGET_DIR="$NIGHTLY_TARGET_DIR" RUSTFLAGS="$NIGHTLY_RUSTFLAGS" \
  wasm-pack --quiet build --release --target web --out-dir "$PKG" --out-name province_targets . \
  -- "${BUILD_STD[@]}"

# ---- the glue again, with a way back from a trap -----------------------------------------------------------
# wasm-pack has no switch for wasm-bindgen's --experimental-reset-state-function, which gives the glue
# __wbg_reset_state(): a fresh instance of the already compiled module, with every handle and closure of the old
# one refused as stale. After a trap the loader draws every chart again on it instead of leaving the page with
# alerts (www/loader/traps.js). So the same pinned wasm-bindgen that wasm-pack just ran writes the reader's glue
# once more over the same cargo output, with that one flag added; the sheet module below keeps wasm-pack's.
echo "== build: wasm-bindgen --experimental-reset-state-function (the reader's glue)"
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$PKG" --out-name province_targets \
  "$NIGHTLY_TARGET_DIR/wasm32-unknown-unknown/release/province_targets.wasm"
grep -q '__wbg_reset_state' "$PKG/province_targets.js" || {
  echo "build: the glue has no __wbg_reset_state: the loader could not recover from a trap" >&2
  exit 1
}
# ---- end of the glue again ------------------------------------------------------------------------------------

# The module parses no number text itself (the page's JSON.parse does), so Rust's float parser has no
# business in it: a stray `.parse::<f64>()` would add about 10 KB gzipped to every embed, and fails the
# build here. Rust's float printer (flt2dec) is there, and stays: serde-wasm-bindgen's error type formats
# serde's `Unexpected`, which can print a float (ARCHITECTURE.md, "Why serde sits here").
if grep -a -q -E 'dec2flt' "$PKG/province_targets_bg.wasm"; then
  echo "build: the module contains Rust's float parser (dec2flt): a .parse::<f64>() reached the browser code;" >&2
  echo "       numbers arrive as JavaScript numbers through serde-wasm-bindgen instead" >&2
  exit 1
fi

echo "== build: wasm-opt -Oz --converge ($("$WASM_OPT" --version))"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp "$PKG/province_targets.js" "$STAGE/"
if [[ -d "$PKG/snippets" ]]; then cp -r "$PKG/snippets" "$STAGE/"; fi
# The features the module needs, read from its target_features section; refuse any a current browser lacks.
features="$("$WASM_OPT" "$PKG/province_targets_bg.wasm" --print-features -o /dev/null)"
if [[ -z "$features" ]]; then
  features="$(printf -- '--enable-%s ' $ALLOWED_FEATURES)"
  echo "   (no target_features section: assuming $ALLOWED_FEATURES)"
fi
for f in $features; do
  name="${f#--enable-}"
  if [[ " $ALLOWED_FEATURES " != *" $name "* ]]; then
    echo "build: the module uses the WebAssembly feature '$name', which not every current browser supports" >&2
    exit 1
  fi
done
# --converge repeats -Oz while the module still shrinks: about 0.6 KB gzipped for twice wasm-opt's time. Measured
# and left out: --gufa (+0.1 KB), --low-memory-unused --zero-filled-memory (+0.3 KB).
# shellcheck disable=SC2086  # one flag per word
"$WASM_OPT" "$PKG/province_targets_bg.wasm" -Oz --converge $features --strip-debug --strip-producers --strip-target-features \
  -o "$STAGE/province_targets_bg.wasm"
echo "   $(stat -c %s "$PKG/province_targets_bg.wasm") -> $(stat -c %s "$STAGE/province_targets_bg.wasm") bytes" \
  "(features: $(echo $features | sed 's/--enable-//g'))"
# The stripped module no longer says which features it uses; build-dist.mjs, which renames its imports and exports
# with wasm-opt (scripts/short-names.mjs), reads them here.
echo $features >"$STAGE/wasm-features.txt"

echo "== build: load check (instantiate the optimised module under node)"
node scripts/check-wasm.mjs "$STAGE"

# ---- the builder's sheet module: an editor's CSV read in their own browser ---------------------------------
# A second module, built with `--features sheet` (the csv crate and `sheet_to_dataset`), which only the builder
# loads, and only when a CSV is dropped: the reader's module above stays without it. Same nightly flags, same
# wasm-opt flags and WebAssembly features as the reader's module; the dec2flt check does not apply (the sheet
# parses number cells). build-dist.mjs bundles its glue into one ES module under a content-hashed name.
SHEET_PKG=target/pkg-sheet
SHEET_STAGE="$STAGE/sheet"
echo "== build: the builder's sheet module (wasm-pack --features sheet)"
RUSTUP_TOOLCHAIN="$PT_NIGHTLY" CARGO_TARGET_DIR="$NIGHTLY_TARGET_DIR" RUSTFLAGS="$NIGHTLY_RUSTFLAGS" \
  wasm-pack --quiet build --release --target web --out-dir "$SHEET_PKG" --out-name province_targets_sheet . \
  -- "${BUILD_STD[@]}" --features sheet
mkdir -p "$SHEET_STAGE"
cp "$SHEET_PKG/province_targets_sheet.js" "$SHEET_STAGE/"
if [[ -d "$SHEET_PKG/snippets" ]]; then cp -r "$SHEET_PKG/snippets" "$SHEET_STAGE/"; fi
# shellcheck disable=SC2086  # one flag per word
"$WASM_OPT" "$SHEET_PKG/province_targets_sheet_bg.wasm" -Oz $features --strip-debug --strip-producers \
  --strip-target-features -o "$SHEET_STAGE/province_targets_sheet_bg.wasm"
echo "   $(stat -c %s "$SHEET_PKG/province_targets_sheet_bg.wasm") -> $(stat -c %s "$SHEET_STAGE/province_targets_sheet_bg.wasm") bytes"
# ---- end of the sheet module ---------------------------------------------------------------------------------

# The embed contract (option names and values, version) from the crate, for esbuild to inject into the loader.
# The same stable release CLI writes the static fallbacks below.
echo "== build: embed contract (release CLI: province-targets embed-contract)"
cargo build --quiet --release --bin province-targets
"${CARGO_TARGET_DIR:-target}/release/province-targets" embed-contract >"$STAGE/embed-contract.json"

echo "== build: dist/ (esbuild: loader + glue + CSS in one script)"
node scripts/build-dist.mjs --pkg "$STAGE" --contract "$STAGE/embed-contract.json"

# ---- static fallbacks: dist/static/<indicator>.svg/.png + index.json, by the release CLI ----------
bash scripts/build-static.sh dist/static
# ---- end of static fallbacks ----------------------------------------------------------------------------------

# ---- ready for a CDN: dist/_headers and precompressed .br/.gz copies, once every file is in dist/ -----------
echo "== build: dist/_headers and precompressed .br/.gz (scripts/build-cdn.mjs)"
node scripts/build-cdn.mjs --out dist
