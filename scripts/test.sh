#!/usr/bin/env bash
# Runs every test: core and shell tests (with the generated-bindings check), the front-end
# tests (Vitest, after the vue-tsc type check), the Windows build tested under Wine
# (scripts/test-windows.sh), the static program for 信创 desktops in an empty chroot
# (scripts/build-portable.sh), and the end-to-end tests of the real app under Xvfb and of the
# browser face in Chromium. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
# A test run gains nothing from incremental caches, and they doubled target/debug (a clean
# clone's CI once ran out of disk); whole-crate rebuilds of the two workspace crates are quick.
export CARGO_INCREMENTAL=0

bash scripts/setup-system.sh --test
bash scripts/setup-tools.sh --e2e

# No test may touch the user's own data: fingerprint the real app-data folder now, compare at the end.
appdata="${XDG_DATA_HOME:-$HOME/.local/share}/cn.lianxi.desktop"
fingerprint() {
  if [ -d "$appdata" ]; then
    find "$appdata" -printf '%p %s %T@\n' | sort | cksum
  else
    echo "absent"
  fi
}
before=$(fingerprint)

echo "== front end: type check and build"
npm --prefix ui run build --silent

echo "== Rust: core and shell tests (includes the generated-bindings check)"
cargo test --workspace --features lianxi-desktop/custom-protocol

echo "== adding a field to a member unit, a need or a donation is one edit (a scratch copy of the core)"
bash scripts/check-one-edit.sh

echo "== front end: Vitest"
npm --prefix ui test --silent

echo "== Windows: the cross-built programs and installer, tested under Wine"
LIANXI_UI_BUILT=1 bash scripts/test-windows.sh

echo "== 信创: the static browser-face program and its .deb, run in an empty chroot"
LIANXI_UI_BUILT=1 bash scripts/build-portable.sh

echo "== end to end: the real app under Xvfb"
cargo build -p lianxi-desktop -p lianxi --features lianxi-desktop/custom-protocol
xvfb-run -a -s '-screen 0 1280x800x24' node --test --test-concurrency=1 tests/e2e/

if [ "$(fingerprint)" != "$before" ]; then
  echo "FAILED: a test wrote to the real app-data folder $appdata" >&2
  exit 1
fi
echo "== all tests passed; the real app-data folder was not touched"
