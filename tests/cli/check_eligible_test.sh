#!/usr/bin/env bash
# End-to-end: `finwijzer check` and `finwijzer eligible` on tests/data corpora.
# usage: check_eligible_test.sh FINWIJZER DATA_DIR
set -u
bin=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

expect() {  # expect NAME EXPECTED_EXIT ACTUAL_EXIT
  if [[ $2 != "$3" ]]; then
    echo "FAIL $1: exit $3, expected $2"
    failures=$((failures + 1))
  fi
}
contains() {  # contains NAME FILE TEXT
  if ! grep -qF -- "$3" "$2"; then
    echo "FAIL $1: output lacks: $3"
    sed 's/^/  | /' "$2"
    failures=$((failures + 1))
  fi
}

"$bin" help >"$tmp/help" 2>&1
expect help 0 $?
contains help "$tmp/help" "check"
contains help "$tmp/help" "eligible"

"$bin" check --help >"$tmp/out" 2>&1
expect check-help 0 $?
contains check-help "$tmp/out" "usage: finwijzer check"

"$bin" frobnicate >"$tmp/out" 2>&1
expect unknown-command 2 $?

"$bin" check "$data/corpus-mini" >"$tmp/out" 2>&1
expect check-clean 0 $?
contains check-clean "$tmp/out" "3 instruments"
contains check-clean "$tmp/out" "0 errors, 1 warnings"

"$bin" check "$data/corpus-broken" >"$tmp/out" 2>&1
expect check-broken 1 $?
contains check-broken "$tmp/out" "corpus-broken/instrumenten/bad-keys.md:11: unknown key 'samenvating'"
contains check-broken "$tmp/out" "corpus-broken/instrumenten/bad-keys.md:31: criterion 'e': rule syntax at column 27"
contains check-broken "$tmp/out" "corpus-broken/instrumenten/missing.md:1: missing required key 'soort'"
contains check-broken "$tmp/out" "corpus-broken/toetsvragen.tsv:2: unknown instrument id 'bestaat-niet'"

"$bin" check >"$tmp/out" 2>&1
expect check-usage 2 $?

echo '{"werkzame_personen": 8, "jaaromzet": 900000, "gemeente": "Goor", "project_gestart": false}' >"$tmp/p.json"
"$bin" eligible --corpus "$data/corpus-mini" --profile-json "$tmp/p.json" --json >"$tmp/out" 2>&1
expect eligible 0 $?
contains eligible "$tmp/out" '{"verdicts":[{"id":"test-borg","verdict":"unknown","met":["bank-zegt-nee-zonder-borg"],"failed":[],"open":["starter-of-ouder"],"open_fields":["bedrijfsleeftijd"]},{"id":"test-voucher","verdict":"eligible","met":["mkb","in-overijssel","niet-gestart"],"failed":[],"open":[],"open_fields":[]}]}'

echo '{"oprichtingsjaar": 2026, "werkzame_personen": 20}' | "$bin" eligible --corpus "$data/corpus-mini" --profile-json - --json >"$tmp/out" 2>&1
expect eligible-stdin 0 $?
contains eligible-stdin "$tmp/out" '"id":"test-borg","verdict":"ineligible"'

echo '{"medewerkers": 3}' >"$tmp/bad.json"
"$bin" eligible --corpus "$data/corpus-mini" --profile-json "$tmp/bad.json" --json >"$tmp/out" 2>&1
expect eligible-unknown-field 2 $?
contains eligible-unknown-field "$tmp/out" "unknown field 'medewerkers'"

echo '{"werkzame_personen": "veel"}' >"$tmp/bad.json"
"$bin" eligible --corpus "$data/corpus-mini" --profile-json "$tmp/bad.json" >"$tmp/out" 2>&1
expect eligible-bad-type 2 $?
contains eligible-bad-type "$tmp/out" "needs a number"

echo '{"werkzame_personen": ' >"$tmp/bad.json"
"$bin" eligible --corpus "$data/corpus-mini" --profile-json "$tmp/bad.json" >"$tmp/out" 2>&1
expect eligible-bad-json 2 $?
contains eligible-bad-json "$tmp/out" "invalid JSON"

"$bin" eligible --corpus "$data/corpus-broken" --profile-json "$tmp/p.json" >"$tmp/out" 2>&1
expect eligible-broken-corpus 1 $?

"$bin" eligible --corpus "$data/corpus-mini" >"$tmp/out" 2>&1
expect eligible-usage 2 $?
contains eligible-usage "$tmp/out" "missing required option --profile-json"

if [[ $failures -ne 0 ]]; then
  echo "$failures failed"
  exit 1
fi
echo "cli: all checks passed"
