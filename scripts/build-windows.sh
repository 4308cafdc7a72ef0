#!/usr/bin/env bash
# Cross-builds the Windows programs on this Debian/Ubuntu machine and makes the installer:
#   target/windows/lianxi-setup-VERSION.exe   (NSIS, per user, no administrator rights)
#   target/windows/app/                        (what the installer holds)
# Installs the Rust target and the Debian packages (mingw-w64, nsis) when missing. The CLI and
# the desktop app are built in one cargo call, so the core is compiled once for both; the
# installer then reuses them (scripts/test-windows.sh runs the same lianxi.exe under Wine).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
bash scripts/setup-system.sh --windows
if ! rustup target list --installed | grep -qx "$TARGET"; then
  rustup target add "$TARGET" || {
    echo "FAILED: the Rust standard library for $TARGET could not be installed (rustup target add $TARGET)." >&2
    exit 1
  }
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || { echo "no workspace version in Cargo.toml" >&2; exit 1; }

if [ "${LIANXI_UI_BUILT:-}" != 1 ]; then
  bash scripts/build-ui.sh
fi

echo "== Windows: cargo build --release --target $TARGET (lianxi.exe, lianxi-desktop.exe)"
start=$(date +%s)
cargo build --release --target "$TARGET" -p lianxi --bin lianxi --bin lianxi-desktop \
  -p lianxi-desktop --features lianxi-desktop/custom-protocol
echo "Windows build: $(( $(date +%s) - start )) s"

out=target/$TARGET/release
app=target/windows/app
rm -rf "$app"
mkdir -p "$app"
cp "$out/lianxi.exe" "$out/lianxi-desktop.exe" "$app/"
# The GNU build of WebView2 links the loader as a DLL (webview2-com-sys puts it beside the exe).
cp "$out/WebView2Loader.dll" "$app/"
cp src-tauri/icons/icon.ico "$app/"

setup=target/windows/lianxi-setup-$version.exe
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSRC="$PWD/$app" \
  -DOUT="$PWD/$setup" -DWEBVIEW2_LOADER installer/windows/lianxi.nsi
ls -l "$setup"
echo "installer: $setup"
