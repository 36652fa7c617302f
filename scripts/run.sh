#!/usr/bin/env bash
# Installs what is needed, builds Finwijzer, checks the shipped corpus and shows how to use it.
set -euo pipefail
cd "$(dirname "$0")/.."
FINWIJZER_BROWSER_TESTS=0 bash scripts/install-deps.sh
bash scripts/build.sh release
build/bin/finwijzer check corpus
mkdir -p var
cat > var/voorbeeld-profiel.json <<'JSON'
{"werkzame_personen": 12, "jaaromzet": 1500000, "gemeente": "Goor", "project_gestart": false}
JSON
echo
echo "Finwijzer is built. Try the scheme rules on an example profile:"
echo "  build/bin/finwijzer eligible --corpus corpus --profile-json var/voorbeeld-profiel.json --json"
