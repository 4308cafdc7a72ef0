#!/usr/bin/env bash
# Runs the ARM lianxi ($LIANXI_ARM_EXE) under qemu-user ($LIANXI_QEMU) with the arguments given,
# as the CLI tests' `LIANXI_TEST_EXE` (scripts/build-portable.sh sets all three). This machine
# cannot hand ARM programs to qemu by itself (no binfmt_misc), so the program's read worker is
# started through the same emulator (LIANXI_WORKER_EMULATOR).
set -euo pipefail
export LIANXI_WORKER_EMULATOR=$LIANXI_QEMU
exec "$LIANXI_QEMU" "$LIANXI_ARM_EXE" "$@"
