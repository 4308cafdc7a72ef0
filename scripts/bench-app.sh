#!/usr/bin/env bash
# App weight benchmark: start time, memory after every screen, bundle size.
#
#   bash scripts/bench-app.sh            # measure the release binaries already built
#   bash scripts/bench-app.sh --build    # build the UI and the release binaries first
#
# Env: CARGO_TARGET_DIR (where the release binaries are), LIANXI_BENCH_RUNS (default 3),
# LIANXI_BENCH_SHOTS=DIR (save a screenshot of every screen). Needs xvfb-run and
# tauri-driver (scripts/setup-tools.sh). A benchmark, not a test: the numbers depend on the
# machine and on what else runs on it, so compare runs made side by side.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--build" ]]; then
  npm --prefix ui run build
  cargo build --release -p lianxi -p lianxi-desktop --features lianxi-desktop/custom-protocol
fi

exec xvfb-run -a -s '-screen 0 1280x800x24' node scripts/bench-app.mjs
