#!/usr/bin/env bash
# The Windows programs tested here as Windows programs, under Wine:
#   1. builds lianxi.exe, lianxi-desktop.exe and the installer (scripts/build-windows.sh);
#   2. runs the CLI test bodies against lianxi.exe (LIANXI_TEST_EXE → tests/windows/wine-lianxi.sh)
#      and counts them: a test that did not run is a failure;
#   3. installs the installer silently (/S), checks the files, shortcuts and uninstall entry,
#      runs the installed CLI, uninstalls silently and checks that the data was kept.
# Wine 8 lacks bcryptprimitives.dll (ProcessPrng, which every real Windows 10/11 has): a
# stand-in built from tests/windows/bcryptprimitives.c goes beside the exe, in the test only.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh --wine
for tool in wine x86_64-w64-mingw32-gcc makensis; do
  command -v "$tool" >/dev/null || { echo "FAILED: $tool is missing (scripts/setup-system.sh --wine installs it)" >&2; exit 1; }
done
bash scripts/build-windows.sh

work=$(mktemp -d /tmp/lianxi-wine.XXXXXX)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LC_ALL=C.UTF-8
# Wine links the prefix's Desktop and Documents to $HOME's: keep the real ones untouched
# (rustup and cargo keep finding their own folders).
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export HOME=$work/home
mkdir -p "$HOME"
cleanup() {
  local rc=$?
  set +e
  wineserver -k 2>/dev/null
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT

bin=$work/bin
mkdir -p "$bin"
x86_64-w64-mingw32-gcc -O2 -shared -o "$bin/bcryptprimitives.dll" \
  tests/windows/bcryptprimitives.c tests/windows/bcryptprimitives.def -ladvapi32
cp target/x86_64-pc-windows-gnu/release/lianxi.exe "$bin/"
# One server kept up for the many short runs (started before anything else uses the prefix,
# stopped by cleanup).
wineserver -p &
wineboot -i >/dev/null 2>&1

echo "== Windows: the CLI tests against lianxi.exe under Wine"
# Modules of the tests/exe binary (tests/exe/main.rs); scripts/exe-tests.sh checks that each
# has tests and that every one of them ran and passed.
tests=(windows_cli roster_cli cli_street cli_year cli_agenda cli_minutes word_export)
source scripts/exe-tests.sh
LIANXI_WIN_EXE=$bin/lianxi.exe LIANXI_TEST_EXE=$PWD/tests/windows/wine-lianxi.sh \
  exe_tests "$work/cargo-test.log" 20 "${tests[@]}"
echo "Windows CLI under Wine: $exe_passed tests passed in ${#tests[@]} modules, none skipped"

echo "== Windows: the installer, silently under Wine"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
setup=target/windows/lianxi-setup-$version.exe
# Wine returns when the installer's process ends.
wine "$setup" /S
user=$WINEPREFIX/drive_c/users/$(whoami)
dir=$user/AppData/Local/Programs/lianxi
fail() { echo "FAILED: $*" >&2; exit 1; }
for f in lianxi-desktop.exe lianxi.exe WebView2Loader.dll uninstall.exe; do
  [ -f "$dir/$f" ] || fail "the installer did not put $f in $dir"
done
cmp -s "$dir/lianxi.exe" "$bin/lianxi.exe" || fail "the installed lianxi.exe is not the one built"
start_menu=$user/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs
[ -f "$start_menu/联席会筹备助手.lnk" ] || fail "no Start-menu shortcut 联席会筹备助手"
# Wine maps the Desktop folder to $HOME when there is no XDG desktop folder.
desktop=$(readlink -f "$user/Desktop")
[ -f "$desktop/联席会筹备助手.lnk" ] || fail "no desktop shortcut 联席会筹备助手 in $desktop"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.lianxi.desktop' /v DisplayVersion \
  | tr -d '\r' | grep -q "$version" || fail "no uninstall entry with version $version"
# The installed CLI runs and makes its empty database in %APPDATA%\cn.lianxi.desktop.
cp "$bin/bcryptprimitives.dll" "$dir/"
wine "$dir/lianxi.exe" info --json | tr -d '\r' | grep -q 'AppData\\\\Roaming\\\\cn.lianxi.desktop' \
  || fail "the installed CLI does not use %APPDATA%\\cn.lianxi.desktop"
data=$user/AppData/Roaming/cn.lianxi.desktop
[ -f "$data/lianxi.sqlite3" ] || fail "no database in $data"
wine "$dir/lianxi.exe" street set --name 测试街道 >/dev/null

# Installing again over it (an update) keeps the user's data.
wine "$setup" /S
cp "$bin/bcryptprimitives.dll" "$dir/"
wine "$dir/lianxi.exe" street show | tr -d '\r' | grep -q 测试街道 \
  || fail "installing over the old version lost the user's data"
rm "$dir/bcryptprimitives.dll"

# The uninstaller copies itself to %TEMP% and runs from there: wait for it to finish.
wine "$dir/uninstall.exe" /S
for _ in $(seq 60); do
  [ -f "$dir/lianxi-desktop.exe" ] || break
  sleep 1
done
[ ! -f "$dir/lianxi-desktop.exe" ] || fail "the uninstaller left lianxi-desktop.exe"
[ ! -f "$start_menu/联席会筹备助手.lnk" ] || fail "the uninstaller left the Start-menu shortcut"
[ ! -f "$desktop/联席会筹备助手.lnk" ] || fail "the uninstaller left the desktop shortcut"
[ -f "$data/lianxi.sqlite3" ] || fail "the uninstaller removed the user's data"
echo "Windows installer under Wine: installed, shortcuts and uninstall entry present, installed again over it with the data kept, uninstalled with the data kept"
