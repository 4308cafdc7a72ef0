#!/usr/bin/env bash
# The browser face for 信创 desktops (统信UOS, 银河麒麟) as one static x86_64 program with the
# front end inside, and a .deb around it that depends on nothing:
#   target/x86_64-unknown-linux-musl/release/lianxi     (`lianxi serve`, and the whole CLI)
#   target/portable/lianxi-portable_VERSION_amd64.deb   (/usr/bin/lianxi-portable, a menu entry)
# Installs the musl target and musl-tools when missing. Then checks that the program is static
# and runs it inside an empty chroot (only the program, /proc, /tmp and a font folder): it
# starts, serves its page to the token's holder, imports a roster through its bounded worker,
# prints a PDF with the chroot's font, and stops cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-unknown-linux-musl
bash scripts/setup-system.sh --portable
if ! rustup target list --installed | grep -qx "$TARGET"; then
  rustup target add "$TARGET" || {
    echo "FAILED: the Rust standard library for $TARGET could not be installed (rustup target add $TARGET)." >&2
    exit 1
  }
fi
if [ "${LIANXI_UI_BUILT:-}" != 1 ]; then
  bash scripts/build-ui.sh
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

echo "== portable: cargo build --release --target $TARGET (lianxi, the front end embedded)"
start=$(date +%s)
CC_x86_64_unknown_linux_musl=musl-gcc cargo build --release --target "$TARGET" -p lianxi --bin lianxi
echo "portable build: $(( $(date +%s) - start )) s"
bin=target/$TARGET/release/lianxi
fail() { echo "FAILED: $*" >&2; exit 1; }
# A static(-pie) program: ldd says "not a dynamic executable" or "statically linked", and it
# asks for no interpreter.
ldd "$bin" 2>&1 | grep -qE 'not a dynamic executable|statically linked' \
  || fail "$bin is a dynamic executable: $(ldd "$bin" 2>&1 | head -3)"
if readelf -l "$bin" | grep -q 'Requesting program interpreter'; then
  fail "$bin asks for a dynamic loader"
fi
echo "static: $(file -b "$bin" | cut -d, -f1-2); $(stat -c %s "$bin") bytes"

echo "== portable: the .deb"
root=target/portable/deb
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
size_kb=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: lianxi-portable
Version: $version
Architecture: amd64
Maintainer: 联席会筹备助手 <lianxi@localhost>
Installed-Size: $size_kb
Section: office
Priority: optional
Description: 联席会筹备助手（浏览器版）
 街道联席会的成员单位、会议筹备、共建协议、捐赠、三张清单和会议纪要。
 一个静态链接的程序，在本机浏览器中使用，不依赖任何系统库。
CONTROL
deb=target/portable/lianxi-portable_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
dpkg-deb --field "$deb" Depends | grep -q . && fail "the .deb must depend on nothing"
echo "deb: $deb ($(stat -c %s "$deb") bytes)"

echo "== portable: inside an empty chroot"
# chroot and mount need root.
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
jail=$(mktemp -d /tmp/lianxi-chroot.XXXXXX)
pid=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  $SUDO umount "$jail/proc" 2>/dev/null
  $SUDO rm -rf "$jail"
  exit "$rc"
}
trap cleanup EXIT
mkdir -p "$jail/proc" "$jail/tmp" "$jail/data" "$jail/usr/share/fonts"
cp "$bin" "$jail/lianxi"
cp /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc "$jail/usr/share/fonts/"
$SUDO mount -t proc proc "$jail/proc"
run() { $SUDO chroot "$jail" /lianxi --db /data/lianxi.sqlite3 "$@"; }
[ "$(run money upper 1234.5)" = "壹仟贰佰叁拾肆元伍角" ] || fail "the program does not run in the chroot"
printf '单位名称,联系人,联系电话\n海棠研究所,陈研究员,0532-82860000\n' > "$jail/tmp/名单.csv"
run roster import /tmp/名单.csv >/dev/null || fail "the roster import (bounded worker) failed in the chroot"
run street set --name 八大关街道办事处 --party-org 中共八大关街道工作委员会 --leader 王海 \
  --contact 李青 --phone 0532-82860001 >/dev/null
run stats --year 2026 >/dev/null
$SUDO chroot "$jail" /lianxi --db /data/lianxi.sqlite3 serve --no-open > "$jail/tmp/serve.out" &
pid=$!
for _ in $(seq 50); do [ -s "$jail/tmp/serve.out" ] && break; sleep 0.1; done
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
echo "portable: static, runs in an empty chroot (page, token, commands, a PDF in the chroot's font, a clean stop)"
