#!/usr/bin/env bash
# Installs whatever is missing (system packages, npm packages), builds 联席会筹备助手 and
# starts it. The data lives in the OS app-data folder (~/.local/share/cn.lianxi.desktop);
# an empty database is created on first start.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
bash scripts/setup-tools.sh
bash scripts/build-ui.sh   # only when ui/ changed: a rebuilt ui/dist makes cargo rebuild the shell
cargo build --release -p lianxi-desktop --features custom-protocol
echo "启动 联席会筹备助手 …"
exec target/release/lianxi-desktop "$@"
