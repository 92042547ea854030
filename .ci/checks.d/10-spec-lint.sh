#!/usr/bin/env bash
# Lints the spec with Spectral (openapi/.spectral.yaml: spectral:oas plus this API's own rules);
# any warning fails the check. Then lints a fixture that breaks every rule and expects each rule
# named in openapi/src/test/lint/bad-spec.expected to fire, so a rule that stops firing fails too.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=.ci/.tools
spectral="$tools/node_modules/.bin/spectral"
if [ ! -x "$spectral" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @stoplight/spectral-cli@6.16.3 >/dev/null
fi
ruleset=openapi/.spectral.yaml

echo "spec-lint: openapi/src/main/openapi/codearts-check.yaml"
"$spectral" lint --ruleset "$ruleset" --fail-severity=warn openapi/src/main/openapi/codearts-check.yaml

echo "spec-lint: openapi/src/test/lint/bad-spec.yaml must fail"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if "$spectral" lint --ruleset "$ruleset" --fail-severity=warn openapi/src/test/lint/bad-spec.yaml >"$out" 2>&1; then
  cat "$out"
  echo "spec-lint: FAILED: the bad fixture passed the lint" >&2
  exit 1
fi
missing=0
while read -r rule; do
  [ -n "$rule" ] || continue
  if ! grep -qE "[[:space:]]$rule[[:space:]]" "$out"; then
    echo "spec-lint: FAILED: rule $rule did not fire on the bad fixture" >&2
    missing=1
  fi
done < openapi/src/test/lint/bad-spec.expected
if [ "$missing" -ne 0 ]; then cat "$out"; exit 1; fi
echo "spec-lint: the bad fixture failed with all $(grep -c . openapi/src/test/lint/bad-spec.expected) expected rules"
