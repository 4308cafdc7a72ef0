#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app needs to build, run and be tested
# (`--test`: also what only the tests use).
# Idempotent: it only calls apt-get when something is missing.
set -euo pipefail

PKGS=(
  # build the Tauri shell
  build-essential pkg-config file libssl-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  # run and test headless
  xvfb xauth webkit2gtk-driver
  # CJK glyphs for the user interface
  fonts-noto-cjk
  # PDF checks in the tests (pdftotext, pdffonts, pdftoppm)
  poppler-utils
)
if [ "${1:-}" = "--test" ]; then
  # a real word processor reads every exported .docx in the tests (soffice --convert-to pdf),
  # with Liberation Serif standing in for Times New Roman at the same widths; only the test
  # command needs it (≈ 245 MB installed), so the start command does not install it
  PKGS+=(libreoffice-writer-nogui fonts-liberation2)
  # the end-to-end tests' screenshots are taken of the X display (`import -window root`)
  PKGS+=(imagemagick)
  # the browser face is tested in a real Chromium through its WebDriver; its print pack
  # downloads as a .zip
  PKGS+=(chromium chromium-driver unzip)
  # the 签到码 on the printed invitations are read back from the rendered pages (zbarimg)
  PKGS+=(zbar-tools)
fi

if [ "${1:-}" = "--windows" ] || [ "${2:-}" = "--windows" ]; then
  # cross-build the Windows programs (the C compiler bundled SQLite needs) and the installer
  PKGS+=(gcc-mingw-w64-x86-64 nsis)
fi
if [ "${1:-}" = "--wine" ] || [ "${2:-}" = "--wine" ]; then
  # run the Windows CLI's tests and the installer under Wine
  PKGS+=(gcc-mingw-w64-x86-64 nsis wine wine64)
fi

if [ "${1:-}" = "--portable" ] || [ "${2:-}" = "--portable" ]; then
  # the static (musl) build of the browser face, its .deb, and its check in an empty chroot
  PKGS+=(musl-tools dpkg-dev curl file poppler-utils)
  # and its ARM build (飞腾、鲲鹏): the cross C compiler for the bundled SQLite, and qemu-user
  # to run it here
  PKGS+=(gcc-aarch64-linux-gnu qemu-user-static)
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
