#!/usr/bin/env bash
# Builds the front end into ui/dist (vue-tsc, then vite build), but only when something it is
# built from changed since the last build by this script. The desktop shell embeds ui/dist at
# compile time, so rewriting it makes cargo rebuild the shell (over a minute); an untouched
# ui/dist lets cargo skip that. Used by start.sh; tests and CI always build fresh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Modified time = when the last successful build started (outside ui/dist: every file there is
# embedded in the app).
stamp=ui/.dist-stamp

# What ui/dist is built from (globs that match nothing are dropped).
shopt -s nullglob
inputs=()
for p in ui/src ui/public ui/index.html ui/package.json ui/package-lock.json \
  ui/vite.config.* ui/tsconfig*.json ui/.env*; do
  [ -e "$p" ] && inputs+=("$p")
done

# The first input newer than the stamp (directories count too: a deleted or renamed file
# changes its folder's time), or the reason to build when there is no usable last build.
changed() {
  if [ ! -f "$stamp" ]; then
    echo "no earlier build"
  elif [ ! -f ui/dist/index.html ]; then
    echo "ui/dist is missing"
  else
    find "${inputs[@]}" -newer "$stamp" -print -quit
  fi
}

reason=$(changed)
if [ -z "$reason" ]; then
  echo "front end: ui/dist is up to date, not rebuilt"
  exit 0
fi
echo "front end: building ui/dist ($reason)"
started=$(mktemp)
trap 'rm -f "$started"' EXIT
npm --prefix ui run build --silent
# A file saved while the build ran is newer than the stamp and is built next time.
touch -r "$started" "$stamp"
