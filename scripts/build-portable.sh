#!/usr/bin/env bash
# The browser face for 信创 desktops (统信UOS, 银河麒麟) as one static program with the front end
# inside, for x86_64 (兆芯、海光) and for ARM (飞腾、鲲鹏), and a .deb around each that depends
# on nothing:
#   target/x86_64-unknown-linux-musl/release/lianxi      (`lianxi serve`, and the whole CLI)
#   target/aarch64-unknown-linux-musl/release/lianxi
#   target/portable/lianxi-portable_VERSION_amd64.deb    (/usr/bin/lianxi-portable, a menu entry)
#   target/portable/lianxi-portable_VERSION_arm64.deb
# Installs the musl targets and the cross tools when missing. Then checks that each program is
# static and runs it inside an empty chroot (only the program, /proc, /tmp and a font folder;
# the ARM one through qemu-user, copied in beside it): it starts, serves its page to the
# token's holder, imports a roster through its bounded worker, prints a PDF with the chroot's
# font, and stops cleanly. The ARM program also runs the CLI test bodies under qemu-user
# (LIANXI_TEST_EXE → tests/arm64/qemu-lianxi.sh), as the Windows one does under Wine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh --portable
for target in x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
  if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target" || {
      echo "FAILED: the Rust standard library for $target could not be installed (rustup target add $target)." >&2
      exit 1
    }
  fi
done
if [ "${LIANXI_UI_BUILT:-}" != 1 ]; then
  bash scripts/build-ui.sh
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
fail() { echo "FAILED: $*" >&2; exit 1; }

# build TARGET: the static program of the browser face for TARGET.
build() {
  local target=$1 start
  echo "== portable: cargo build --release --target $target (lianxi, the front end embedded)"
  start=$(date +%s)
  case "$target" in
    x86_64-*) CC_x86_64_unknown_linux_musl=musl-gcc \
      cargo build --release --target "$target" -p lianxi --bin lianxi ;;
    # Debian's ARM cross compiler builds the bundled SQLite; glibc's headers would rename its
    # file calls to open64 & co., which musl does not have.
    aarch64-*) CFLAGS_aarch64_unknown_linux_musl=-DSQLITE_DISABLE_LFS \
      CC_aarch64_unknown_linux_musl=aarch64-linux-gnu-gcc \
      CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER=aarch64-linux-gnu-gcc \
      cargo build --release --target "$target" -p lianxi --bin lianxi ;;
  esac
  echo "portable build ($target): $(( $(date +%s) - start )) s"
  local bin=target/$target/release/lianxi
  # A static(-pie) program: it asks for no interpreter (readelf reads either architecture).
  if readelf -l "$bin" | grep -q 'Requesting program interpreter'; then
    fail "$bin asks for a dynamic loader"
  fi
  file -b "$bin" | grep -q 'statically linked\|static-pie linked' || fail "$bin is not static: $(file -b "$bin")"
  echo "static: $(file -b "$bin" | cut -d, -f1-2); $(stat -c %s "$bin") bytes"
}
# deb ARCH BIN: the .deb of BIN for Debian architecture ARCH (amd64, arm64).
deb() {
  local arch=$1 bin=$2
  echo "== portable: the $arch .deb"
  local root=target/portable/deb-$arch
  rm -rf "$root"
  mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/icons/hicolor/128x128/apps"
  install -m 0755 "$bin" "$root/usr/bin/lianxi-portable"
  install -m 0644 src-tauri/icons/128x128.png "$root/usr/share/icons/hicolor/128x128/apps/lianxi-portable.png"
  cat > "$root/usr/share/applications/cn.lianxi.portable.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=联席会筹备助手
Comment=在浏览器中使用联席会筹备助手（关闭终端窗口即退出）
Exec=lianxi-portable serve
Icon=lianxi-portable
Terminal=true
Categories=Office;
DESKTOP
  local size_kb
  size_kb=$(du -sk "$root/usr" | cut -f1)
  cat > "$root/DEBIAN/control" <<CONTROL
Package: lianxi-portable
Version: $version
Architecture: $arch
Maintainer: 联席会筹备助手 <lianxi@localhost>
Installed-Size: $size_kb
Section: office
Priority: optional
Description: 联席会筹备助手（浏览器版）
 街道联席会的成员单位、会议筹备、共建协议、捐赠、三张清单和会议纪要。
 一个静态链接的程序，在本机浏览器中使用，不依赖任何系统库。
CONTROL
  local out=target/portable/lianxi-portable_${version}_${arch}.deb
  dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
  dpkg-deb --field "$out" Depends | grep -q . && fail "the .deb must depend on nothing"
  [ "$(dpkg-deb --field "$out" Architecture)" = "$arch" ] || fail "$out is not for $arch"
  echo "deb: $out ($(stat -c %s "$out") bytes)"
}

# in_chroot BIN [EMULATOR]: BIN in an empty chroot (through EMULATOR, copied in, when the
# kernel cannot run BIN by itself; the read worker is then started through it too).
jail="" pid=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  if [ -n "$jail" ]; then
    $SUDO umount "$jail/proc" 2>/dev/null
    $SUDO rm -rf "$jail"
  fi
  exit "$rc"
}
# chroot and mount need root.
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
trap cleanup EXIT
in_chroot() {
  local bin=$1 emulator=${2:-}
  echo "== portable: $bin inside an empty chroot${emulator:+, through $(basename "$emulator")}"
  jail=$(mktemp -d /tmp/lianxi-chroot.XXXXXX)
  mkdir -p "$jail/proc" "$jail/tmp" "$jail/data" "$jail/usr/share/fonts"
  cp "$bin" "$jail/lianxi"
  cp /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc "$jail/usr/share/fonts/"
  local exe=(/lianxi) env=()
  if [ -n "$emulator" ]; then
    cp "$emulator" "$jail/emulator"
    exe=(/emulator /lianxi)
    env=(LIANXI_WORKER_EMULATOR=/emulator)
  fi
  $SUDO mount -t proc proc "$jail/proc"
  run() { $SUDO env "${env[@]}" chroot "$jail" "${exe[@]}" --db /data/lianxi.sqlite3 "$@"; }
  [ "$(run money upper 1234.5)" = "壹仟贰佰叁拾肆元伍角" ] || fail "the program does not run in the chroot"
  printf '单位名称,联系人,联系电话\n海棠研究所,陈研究员,0532-82860000\n' > "$jail/tmp/名单.csv"
  run roster import /tmp/名单.csv >/dev/null || fail "the roster import (bounded worker) failed in the chroot"
  run street set --name 八大关街道办事处 --party-org 中共八大关街道工作委员会 --leader 王海 \
    --contact 李青 --phone 0532-82860001 >/dev/null
  run stats --year 2026 >/dev/null
  # Started directly, not through `run`: $! is then the program itself (env, chroot and the
  # emulator each replace themselves with the next), which the TERM below must reach.
  $SUDO env "${env[@]}" chroot "$jail" "${exe[@]}" --db /data/lianxi.sqlite3 serve --no-open \
    > "$jail/tmp/serve.out" &
  pid=$!
  for _ in $(seq 100); do [ -s "$jail/tmp/serve.out" ] && break; sleep 0.1; done
  local url port token page units written link
  url=$(head -1 "$jail/tmp/serve.out")
  port=$(echo "$url" | sed -n 's|^http://127.0.0.1:\([0-9]*\)/.*|\1|p')
  token=${url##*token=}
  [ -n "$port" ] || fail "lianxi serve printed no address: $(cat "$jail/tmp/serve.out")"
  page=$(curl -s -H "Cookie: lianxi_token=$token" "http://127.0.0.1:$port/")
  echo "$page" | grep -q '<div id="app"' || fail "the embedded page was not served: $page"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 401 ] || fail "a request without the token was answered"
  units=$(curl -s -X POST -H "Cookie: lianxi_token=$token" -H "Content-Type: application/json" \
    --data '{}' "http://127.0.0.1:$port/api/call/units_list")
  echo "$units" | grep -q 海棠研究所 || fail "the command table did not answer: $units"
  written=$(curl -s -X POST -H "Cookie: lianxi_token=$token" -H "Content-Type: application/json" \
    --data '{"year": 2026, "path": "download:统计.pdf"}' "http://127.0.0.1:$port/api/call/year_stats_pdf")
  link=$(echo "$written" | sed -n 's/.*"link":"\([^"]*\)".*/\1/p')
  curl -s -H "Cookie: lianxi_token=$token" "http://127.0.0.1:$port$link" -o "$jail/tmp/统计.pdf"
  pdffonts "$jail/tmp/统计.pdf" | grep -qi notoserif || fail "the PDF does not use the chroot's font: $(pdffonts "$jail/tmp/统计.pdf")"
  kill -TERM "$pid"
  wait "$pid" || fail "lianxi serve did not stop cleanly"
  pid=""
  grep -q 已停止 "$jail/tmp/serve.out" || fail "lianxi serve did not say it stopped"
  $SUDO umount "$jail/proc"
  $SUDO rm -rf "$jail"
  jail=""
  echo "portable: static, runs in an empty chroot (page, token, commands, a roster through the worker, a PDF in the chroot's font, a clean stop)"
}

build x86_64-unknown-linux-musl
deb amd64 target/x86_64-unknown-linux-musl/release/lianxi
in_chroot target/x86_64-unknown-linux-musl/release/lianxi

# ARM (飞腾、鲲鹏): no ARM machine here, so the ARM program runs under qemu-user.
emulator=$(command -v qemu-aarch64-static) || fail "qemu-aarch64-static is missing (scripts/setup-system.sh --portable installs it)"
build aarch64-unknown-linux-musl
deb arm64 target/aarch64-unknown-linux-musl/release/lianxi
in_chroot target/aarch64-unknown-linux-musl/release/lianxi "$emulator"

echo "== portable: the CLI tests against the ARM program under qemu-user"
# Modules of the tests/exe binary (tests/exe/main.rs); scripts/exe-tests.sh checks that each
# has tests and that every one of them ran and passed.
tests=(roster_cli cli_street cli_agenda cli_year cli_minutes signin_codes)
source scripts/exe-tests.sh
log=$(mktemp /tmp/lianxi-arm64-tests.XXXXXX)
LIANXI_ARM_EXE=$PWD/target/aarch64-unknown-linux-musl/release/lianxi LIANXI_QEMU=$emulator \
  LIANXI_TEST_EXE=$PWD/tests/arm64/qemu-lianxi.sh \
  exe_tests "$log" 10 "${tests[@]}"
rm -f "$log"
echo "ARM CLI under qemu-user: $exe_passed tests passed in ${#tests[@]} modules, none skipped"
