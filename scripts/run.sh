#!/usr/bin/env bash
# Installs what is needed, builds Finwijzer, checks and indexes the shipped corpus, and shows how to ask.
set -euo pipefail
cd "$(dirname "$0")/.."
FINWIJZER_BROWSER_TESTS=0 bash scripts/install-deps.sh
bash scripts/build.sh release
build/bin/finwijzer check corpus
build/bin/finwijzer index --corpus corpus --out var/index
echo
build/bin/finwijzer ask --index var/index "ik wil een bedrijf overnemen en de bank wil niet alles financieren"
echo
echo "Finwijzer is built and the corpus is indexed in var/index. Ask your own question:"
echo "  build/bin/finwijzer ask --index var/index \"hoe kom ik aan geld voor zonnepanelen\""
echo "  build/bin/finwijzer ask --index var/index --json \"starterslening\""
echo "Try the scheme rules on a profile:"
echo "  echo '{\"werkzame_personen\": 12, \"gemeente\": \"Goor\"}' | build/bin/finwijzer eligible --corpus corpus --profile-json - --json"
