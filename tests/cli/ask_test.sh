#!/usr/bin/env bash
# End-to-end: `finwijzer index` and `finwijzer ask` (json, batch, state) on the small test corpus.
# usage: ask_test.sh FINWIJZER DATA_DIR
set -u
bin=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL $1"
  failures=$((failures + 1))
}
json_has() {  # json_has NAME FILE PYTHON-EXPR (d is the parsed first line)
  python3 -c "import json,sys; d=json.loads(open(sys.argv[1]).readline()); sys.exit(0 if ($3) else 1)" "$2" ||
    fail "$1: $3"
}

"$bin" ask --index "$tmp/none" "lening" >"$tmp/out" 2>&1
[[ $? == 1 ]] || fail "no-index exit code"
grep -q "no published index" "$tmp/out" || fail "no-index message"

"$bin" index --corpus "$data/corpus-mini" --out "$tmp/idx" >"$tmp/out" 2>&1 || fail "index"
grep -q "published generation 1 (3 instruments)" "$tmp/out" || fail "index message"
"$bin" index --corpus "$data/corpus-broken" --out "$tmp/idx" >"$tmp/out" 2>&1
[[ $? == 1 ]] || fail "broken corpus must not publish"
"$bin" ask --index "$tmp/idx" --json "voucher voor financieringsadvies" >"$tmp/a.json" || fail "ask --json"
json_has shape "$tmp/a.json" "all(k in d for k in ['question','did_you_mean','profile','understood','matches','hints','followup','desk','reply'])"
json_has top-match "$tmp/a.json" "d['matches'][0]['id'] == 'test-voucher'"
json_has hint "$tmp/a.json" "d['hints'][0]['verdict'] == 'unknown' and d['hints'][0]['open_fields']"

# A conversation kept in a state file: the second turn keeps what the first one said.
"$bin" ask --index "$tmp/idx" --json --state "$tmp/state.json" "voucher voor mijn bedrijf in Goor" >"$tmp/t1.json" ||
  fail "turn 1"
[[ -f $tmp/state.json ]] || fail "state file created"
"$bin" ask --index "$tmp/idx" --json --state "$tmp/state.json" "we hebben 12 medewerkers" >"$tmp/t2.json" || fail "turn 2"
json_has turn2-profile "$tmp/t2.json" "d['profile'].get('gemeente') == 'hof van twente' and d['profile'].get('werkzame_personen') == 12"
json_has turn2-question "$tmp/t2.json" "d['matches'] and d['matches'][0]['id'] == 'test-voucher'"

echo '{"profile": {"medewerkers": 3}}' >"$tmp/bad-state.json"
"$bin" ask --index "$tmp/idx" --state "$tmp/bad-state.json" "lening" >"$tmp/out" 2>&1
[[ $? == 1 ]] || fail "bad state exit code"
grep -q "unknown field 'medewerkers'" "$tmp/out" || fail "bad state message"

printf 'voucher\nborgstelling\n\n' >"$tmp/batch.txt"
"$bin" ask --index "$tmp/idx" --batch "$tmp/batch.txt" >"$tmp/out" || fail "batch"
[[ $(wc -l <"$tmp/out") == 3 ]] || fail "batch: one line per question"

"$bin" ask --index "$tmp/idx" --limit 0 "x" >"$tmp/out" 2>&1
[[ $? == 2 ]] || fail "limit range is a usage error"

if [[ $failures -ne 0 ]]; then
  echo "$failures failed"
  exit 1
fi
echo "cli ask: all checks passed"
