# province-targets: build the embeddable widget (Rust -> WebAssembly) and test it.
#   make setup   install the toolchain pieces (registries and rustup: the pinned nightly of scripts/nightly.sh;
#                idempotent, quiet when done)
#   make build   wasm-pack (release module on the pinned nightly, in target/nightly/) + npm's wasm-opt + dist/
#                (esbuild: one script = loader + glue + CSS + the crate's embed contract; .wasm, data, demo page)
#   make demo    build, then serve dist/ on http://127.0.0.1:$(PORT)/  (make demo CSP=1 for the strict CSP header)
#   make test    fmt, clippy (native + wasm32), cargo test, wasm-pack test (node + headless chrome), build, e2e
SHELL := /usr/bin/env bash
PORT ?= 8080
# cargo install puts tools in $CARGO_HOME/bin (default ~/.cargo/bin).
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

.PHONY: setup build demo test e2e clean
.DEFAULT_GOAL := build

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

demo: build
	@node scripts/serve.mjs --root dist --port $(PORT) $(if $(CSP),--csp,)

test: setup
	@bash scripts/test.sh

# The end-to-end tests alone, against the dist/ already built.
e2e:
	@node --test tests/e2e/

clean:
	rm -rf pkg dist test-output

# Side-by-side benchmark against Chart.js and uPlot (bench/run.mjs); writes BENCHMARKS.md. RUNS=N for fewer loads.
# Then the longest main-thread task during the chart's move between views (bench/transition.mjs), printed.
.PHONY: bench
bench: build
	@if [ ! -d bench/node_modules/chart.js ] || [ ! -d bench/node_modules/uplot ] || [ ! -d bench/node_modules/lighthouse ]; then npm ci --prefix bench --no-audit --no-fund; fi
	@node bench/run.mjs $(if $(RUNS),--runs $(RUNS),)
	@node bench/transition.mjs $(if $(RUNS),--runs $(RUNS),)
