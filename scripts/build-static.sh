#!/usr/bin/env bash
# Static fallbacks for readers without JavaScript (called by scripts/build.sh after dist/ is assembled):
#   dist/static/<indicator-id>.svg   the default view of each indicator (every year and province), vi, light,
#                                    640 px wide: the SVG the widget itself shows at that width
#   dist/static/<indicator-id>.png   the same, rasterised by resvg at scale 2 (1280 px wide), fonts bundled
#   dist/static/<indicator-id>.<year>.svg   the same for each year with a target of the indicator (SVG only)
#   dist/static/index.json           every chart with its title, one-sentence summary (the <img> alt) and source
#   dist/static/en/                  all of the above in English
# Written by the native CLI's `static` subcommand, built here in release mode. Usage: build-static.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OUT="${1:-dist/static}"
BIN="${CARGO_TARGET_DIR:-target}/release/province-targets"

echo "== build: static fallbacks (no JavaScript) into $OUT"
t0=$SECONDS
cargo build --quiet --release --bin province-targets
t1=$SECONDS
rm -rf "$OUT"
"$BIN" static --out-dir "$OUT" --lang vi --theme light --width 640 --scale 2 | sed 's/^/   /'
# English charts for embeds with lang="en" (the builder's <noscript> picks the folder by language).
"$BIN" static --out-dir "$OUT/en" --lang en --theme light --width 640 --scale 2 | sed 's/^/   /'
echo "   (release CLI: $((t1 - t0)) s, export: $((SECONDS - t1)) s)"
