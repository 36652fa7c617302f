#!/usr/bin/env bash
# Performance benchmarks (timings, not tests; not part of scripts/test.sh):
#   search latency p50/p99 on the shipped corpus and on a generated 100,000-document corpus,
#   the index build rate, and PostgreSQL 15 full-text search on the same questions as a baseline.
#
# usage: scripts/bench.sh [search_bench options, e.g. --benchmark_filter=shipped]
#
# Builds bench/search_bench (release), starts a throwaway PostgreSQL cluster (unix socket in a temp
# dir, always stopped and removed), runs the benchmarks and prints a summary table. The generated
# corpus and its index are cached in var/bench/ (gitignored): the first run generates and indexes
# 100,000 documents, which takes minutes on 2 cores; later runs reuse them.
#
# Environment:
#   FINWIJZER_BENCH_BUILD    build tree (default: build)
#   FINWIJZER_JOBS           parallel compile jobs (default: 2)
#   FINWIJZER_BENCH_DOCS     size of the generated corpus (default: 100000; 0: skip it)
#   FINWIJZER_BENCH_REBUILD  1: rebuild the cached generated index, to measure the build rate again
#   FINWIJZER_BENCH_SECONDS  time budget per search benchmark (default: 3)
#   FINWIJZER_BENCH_NO_PG    1: skip the PostgreSQL baseline
#   FINWIJZER_BENCH_TIMEOUT  upper bound for the whole benchmark run in seconds (default: 3600)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${FINWIJZER_BENCH_BUILD:-build}
jobs=${FINWIJZER_JOBS:-2}
out_dir=var/bench
pg_bin=/usr/lib/postgresql/15/bin
mkdir -p "$out_dir"

echo "== build search_bench in $build"
if [[ ! -f $build/build.ninja ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "$jobs" --target search_bench

# A throwaway cluster, as bench/quality.py starts one: PostgreSQL refuses to run as root, so as
# root the server runs as the user postgres.
pg_tmp=""
pg_started=0
as_pg=()
stop_cluster() {
  if [[ $pg_started == 1 ]]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_tmp/data" -w -t 60 -s -m fast stop ||
      echo "bench: warning: pg_ctl stop failed" >&2
    pg_started=0
  fi
  if [[ -n $pg_tmp ]]; then
    rm -rf "$pg_tmp"
    pg_tmp=""
  fi
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

if [[ ${FINWIJZER_BENCH_NO_PG:-0} == 1 ]]; then
  echo "== PostgreSQL baseline skipped (FINWIJZER_BENCH_NO_PG=1)"
  unset FINWIJZER_BENCH_PG
elif [[ ! -x $pg_bin/initdb ]]; then
  echo "== PostgreSQL baseline skipped: $pg_bin/initdb not found (Debian package postgresql-15)"
  unset FINWIJZER_BENCH_PG
else
  echo "== start a throwaway PostgreSQL 15 cluster"
  pg_tmp=$(mktemp -d /tmp/finwijzer-pg-XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$pg_tmp"
    as_pg=(runuser -u postgres --)
  fi
  (cd "$pg_tmp" && "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres -A trust -E UTF8 \
    --no-locale --no-sync >"$pg_tmp/initdb.log" 2>&1) ||
    { cat "$pg_tmp/initdb.log" >&2; exit 1; }
  pg_started=1  # from here on stop_cluster must try, even if the start fails half-way
  # Unix socket only; fsync off (a scratch cluster); JIT off: compiling each 100k-row query would
  # add tens of milliseconds that an OLTP-style setup does not pay; 1 GB of shared buffers so the
  # 100k table and its GIN index stay in PostgreSQL's own cache.
  (cd "$pg_tmp" && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 60 -s \
    -o "-k $pg_tmp -c listen_addresses='' -c fsync=off -c jit=off -c shared_buffers=1GB" start) ||
    { cat "$pg_tmp/server.log" >&2; exit 1; }
  export FINWIJZER_BENCH_PG="host=$pg_tmp dbname=postgres user=postgres"
fi

echo "== run search_bench (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
export FINWIJZER_BENCH_SUMMARY=$out_dir/summary.md
rm -f "$FINWIJZER_BENCH_SUMMARY"
status=0
timeout "${FINWIJZER_BENCH_TIMEOUT:-3600}" "$build/bin/search_bench" \
  --benchmark_out="$out_dir/search_bench.json" --benchmark_out_format=json "$@" ||
  status=$?
stop_cluster

if [[ -s $FINWIJZER_BENCH_SUMMARY ]]; then
  echo
  echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; JSON: $out_dir/search_bench.json)"
  cat "$FINWIJZER_BENCH_SUMMARY"
fi
[[ $status -eq 124 ]] && echo "bench: search_bench timed out" >&2
exit "$status"
