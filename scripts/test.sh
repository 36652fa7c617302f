#!/usr/bin/env bash
# Installs what is needed, builds a release and a sanitizer (ASan + UBSan) tree, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

echo "== format check (clang-format)"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find kb indexer bot tests bench -name '*.[ch]pp')
clang-format --dry-run --Werror "${sources[@]}"

echo "== release build"
bash scripts/build.sh release
echo "== sanitizer build (ASan + UBSan)"
bash scripts/build.sh asan

echo "== corpus check"
build/bin/finwijzer check corpus

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "== tests under ASan + UBSan"
ctest --test-dir build-asan --output-on-failure -j 2
echo "== tests on the release build"
ctest --test-dir build --output-on-failure -j 2

if [[ "${FINWIJZER_BROWSER_TESTS:-1}" == 1 ]]; then
  echo "== browser tests (Debian chromium, playwright-core, axe-core) against finwijzer serve"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && node run.mjs)
fi
