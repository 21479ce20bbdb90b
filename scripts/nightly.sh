#!/usr/bin/env bash
# The one place that names the nightly toolchain the release module is built with (sourced by setup.sh and
# build.sh). Dated, so every machine builds the same module; a nightly is published under the day after its
# commit date (this one is rustc 1.101.0-nightly, 2026-10-29). Everything else (fmt, clippy, cargo test,
# wasm-pack test, the native CLI) stays on stable.
PT_NIGHTLY=nightly-2026-10-30
