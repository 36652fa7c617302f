#!/usr/bin/env bash
# Configures and builds one build tree. usage: scripts/build.sh [release|asan]
# Reuses the build directory, so a second run only compiles what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
jobs=${FINWIJZER_JOBS:-2}
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DFINWIJZER_SANITIZE=ON -DFINWIJZER_BENCH=OFF) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac
if [[ ! -f $dir/build.ninja ]]; then
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
fi
cmake --build "$dir" -j "$jobs"
