#!/usr/bin/env bash
# Lints the spec with Spectral (spectral:oas ruleset); any warning fails the check.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=.ci/.tools
if [ ! -x "$tools/node_modules/.bin/spectral" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @stoplight/spectral-cli@6.16.3 >/dev/null
fi
"$tools/node_modules/.bin/spectral" lint --ruleset openapi/.spectral.yaml --fail-severity=warn \
  openapi/src/main/openapi/codearts-check.yaml
