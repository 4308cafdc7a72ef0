#!/usr/bin/env bash
# Runs the Windows lianxi.exe ($LIANXI_WIN_EXE) under Wine with the arguments given, as the CLI
# tests' `LIANXI_TEST_EXE` (scripts/test-windows.sh sets both). An argument that is an absolute
# Linux path becomes the Windows path Wine maps it to (Z:\tmp\…\成员 名单.xlsx), so the exe sees
# the paths a Windows user's files have.
set -euo pipefail
args=()
for a in "$@"; do
  if [[ "$a" == /* ]]; then
    a="Z:${a//\//\\}"
  fi
  args+=("$a")
done
exec wine "$LIANXI_WIN_EXE" "${args[@]}"
