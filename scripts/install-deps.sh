#!/usr/bin/env bash
# Installs the Debian 12 packages Finwijzer needs to build, test and run.
# Idempotent: quiet when everything is present. Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ pkg-config clang-format git ca-certificates
  # libraries (Boost 1.81 only: libboost-dev 1.74 conflicts with it)
  libxapian-dev xapian-tools libboost1.81-dev libboost-json1.81-dev libicu-dev libyaml-cpp-dev
  libcmark-dev libsqlite3-dev libsodium-dev libhunspell-dev hunspell-nl wdutch
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # quality baseline (PostgreSQL full-text search, throwaway cluster)
  postgresql-15
  libpq-dev  # bench/search_bench: the PostgreSQL baseline queries the cluster through libpq
)
if [[ "${FINWIJZER_BROWSER_TESTS:-1}" == 1 ]]; then
  PACKAGES+=(chromium nodejs)
  # Debian's nodejs ships npm separately; other builds of nodejs bundle it.
  command -v npm >/dev/null || PACKAGES+=(npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
