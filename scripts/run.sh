#!/usr/bin/env bash
# Installs what is needed, builds Finwijzer, checks and indexes the shipped corpus, and shows how to ask.
set -euo pipefail
cd "$(dirname "$0")/.."
FINWIJZER_BROWSER_TESTS=0 bash scripts/install-deps.sh
bash scripts/build.sh release
build/bin/finwijzer check corpus
build/bin/finwijzer index --corpus corpus --out var/index
echo
echo "Finwijzer is built and the corpus is indexed in var/index."
echo "Ask from the shell:  build/bin/finwijzer ask --index var/index \"lening voor mijn bakkerij in Goor\""
echo
echo "Starting the chat. Open http://127.0.0.1:${FINWIJZER_PORT:-8080}/ in your browser (Ctrl+C stops it)."
exec build/bin/finwijzer serve --index var/index --listen "127.0.0.1:${FINWIJZER_PORT:-8080}" --web web
