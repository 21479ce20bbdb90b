#!/usr/bin/env bash
# make build: wasm-pack (its wasm-opt off), npm's wasm-opt, a load check, then dist/.
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

echo "== build: wasm-pack build --release --target web"
wasm-pack --quiet build --release --target web --out-dir "$PKG" --out-name province_targets

# The module parses numbers itself (json.rs; parseFloat for the rare rest): Rust's float parser would add
# about 12 KB gzipped. Its name is still in wasm-pack's output, so a stray `.parse::<f64>()` fails the build
# here instead of quietly growing every embed. (The float printer, flt2dec, is in the module since the options
# are read with serde-wasm-bindgen: its error message for an unexpected value can name a float.)
if grep -a -q -E 'dec2flt' "$PKG/province_targets_bg.wasm"; then
  echo "build: the module contains Rust's float parser (dec2flt): a .parse::<f64>() reached the browser" >&2
  echo "       code; use js_sys::parse_float instead" >&2
  exit 1
fi

echo "== build: wasm-opt -Oz ($("$WASM_OPT" --version))"
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
# shellcheck disable=SC2086  # one flag per word
"$WASM_OPT" "$PKG/province_targets_bg.wasm" -Oz $features --strip-debug --strip-producers --strip-target-features \
  -o "$STAGE/province_targets_bg.wasm"
echo "   $(stat -c %s "$PKG/province_targets_bg.wasm") -> $(stat -c %s "$STAGE/province_targets_bg.wasm") bytes" \
  "(features: $(echo $features | sed 's/--enable-//g'))"

echo "== build: load check (instantiate the optimised module under node)"
node scripts/check-wasm.mjs "$STAGE"

echo "== build: dist/"
node scripts/build-dist.mjs --pkg "$STAGE"

# ---- static fallbacks (issue 7): dist/static/<indicator>.svg/.png + index.json, by the release CLI ----------
bash scripts/build-static.sh dist/static
# ---- end of static fallbacks ----------------------------------------------------------------------------------
