#!/usr/bin/env bash
# make test: every check, in order, stopping at the first failure with a message naming the step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

steps=(
  "cargo fmt --check"
  "cargo clippy --all-targets -- -D warnings"
  "cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings"
  "cargo clippy --target wasm32-unknown-unknown --lib --features sheet -- -D warnings"
  "cargo test"
  "wasm-pack test --node"
  "wasm-pack test --headless --chrome"
  "make build"
  "node --test tests/e2e/"
)
total=${#steps[@]}
n=0
started=$SECONDS
for step in "${steps[@]}"; do
  n=$((n + 1))
  printf '\n==> [%d/%d] %s\n' "$n" "$total" "$step"
  if ((n == total)); then
    # Nothing is printed after the last step: its test runner's own summary closes the output, which is
    # what CI reads.
    printf 'make test: steps 1-%d passed in %ds; the last step follows\n' $((n - 1)) $((SECONDS - started))
  fi
  t0=$SECONDS
  case "$step" in
    "make build") cmd=(bash scripts/build.sh) ;;
    *) read -r -a cmd <<<"$step" ;;
  esac
  if ! "${cmd[@]}"; then
    printf '\nmake test: FAILED at step %d/%d: %s (after %ds)\n' "$n" "$total" "$step" $((SECONDS - t0)) >&2
    exit 1
  fi
  if ((n < total)); then
    printf -- '--- ok: %s (%ds)\n' "$step" $((SECONDS - t0))
  fi
done
