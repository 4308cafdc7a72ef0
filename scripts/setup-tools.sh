#!/usr/bin/env bash
# Installs the project's npm packages and the end-to-end driver when missing. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "缺少 $1：$2" >&2
    exit 1
  }
}
need cargo "请先安装 Rust（rustup），再运行本脚本。"
need node "请先安装 Node.js 20.19 或更新版本，再运行本脚本。"
need npm "请先安装 npm，再运行本脚本。"

# npm install (not npm ci: the lockfile cannot list @tauri-apps/cli's binaries for other
# platforms here). Re-run only when package.json or the lockfile changed since the last install.
npm_install() {
  local dir=$1 stamp=$1/node_modules/.install-stamp
  if [ ! -f "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    echo "npm packages: installing in $dir"
    npm --prefix "$dir" install --no-audit --no-fund --loglevel=error
    touch "$stamp"
  else
    echo "npm packages: $dir up to date"
  fi
}
npm_install ui

if [ "${1:-}" = "--e2e" ]; then
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "tauri-driver: installing from crates.io"
    cargo install tauri-driver --locked --quiet
  fi
fi
