#!/usr/bin/env bash
# Renders the offline HTML reference (openapi/target/docs/codearts-check.html, built by Maven) in
# headless Chromium and checks what a reader sees: the five operations, their parameters, and the
# 28 JobReportInfo fields both in the schema and in the refresh example, and the badge's example
# as SVG text. Takes a screenshot under openapi/target/docs-check/. Then renders three broken pages
# and expects the check to fail on them.
set -euo pipefail
cd "$(dirname "$0")/../.."
page=openapi/target/docs/codearts-check.html
out=openapi/target/docs-check
if ! command -v chromium >/dev/null; then
  echo "docs-render: installing Debian's chromium"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f "$page" ]; then
  mvn -q -B -pl openapi process-resources
fi
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)

OPERATIONS="ShowCodeHealthSvg RefreshPortalServiceJobResult ShowPortalServiceTaskCron StopTaskByIdV2 DeleteTaskV3"
PARAMETERS="task_id job_id locale async operator"
JOB_REPORT_FIELDS="CODE_SIZE COMFIRM CRITICAL DELAYSTATUS_COUNT FATAL FILE_TOTAL FIX GENERAL IGNORE NEW
  PROMPT REPORT_URL RESOLVED STANDARD_DISMISSED STANDARD_FIXED STANDARD_NEW TOOL_LIST UCC_NBNC UNRESOLVED
  UNRESOLVED_ADD critical major minor suggestion delay_critical delay_major delay_minor delay_suggestion"
[ "$(echo $JOB_REPORT_FIELDS | wc -w)" -eq 28 ] || { echo "docs-render: the field list must hold 28 names" >&2; exit 1; }

chromium_run() { # chromium_run ARGS... : one fresh, offline, headless browser per call
  local profile; profile=$(mktemp -d)
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1280,2400 \
    --virtual-time-budget=15000 "$@" 2>/dev/null
  rm -rf "$profile"
}

# check_page FILE NAME: prints what is missing from the rendered page; fails if anything is.
check_page() {
  local file=$1 name=$2 text="$out/$2.txt" missing=()
  chromium_run --dump-dom "file://$(cd "$(dirname "$file")" && pwd)/$(basename "$file")" > "$out/$name.dom.html"
  # What a reader sees: the DOM without scripts (the inlined spec) and styles, tags stripped.
  perl -0pe 's/<script\b.*?<\/script>//gis; s/<style\b.*?<\/style>//gis; s/<[^>]+>/ /g;
             s/&quot;/"/g; s/&nbsp;/ /g; s/\s+/ /g' "$out/$name.dom.html" > "$text"
  # The JobReportInfo model as rendered in the Schemas section: "JobReportInfo { ... }".
  perl -ne 'print "$1\n" if /JobReportInfo \{(.*?)\}/' "$text" > "$out/$name.model.txt"
  for op in $OPERATIONS; do grep -qw -- "$op" "$text" || missing+=("operation:$op"); done
  for p in $PARAMETERS; do grep -qw -- "$p" "$text" || missing+=("parameter:$p"); done
  for f in $JOB_REPORT_FIELDS; do
    grep -qw -- "$f" "$out/$name.model.txt" || missing+=("schema-field:$f")
    grep -qF -- "\"$f\"" "$text" || missing+=("example-field:$f")
  done
  # The badge's 200 example as the SVG text (src/main/docs/swagger-ui-plugins.js), not as an XML
  # document wrapping it (<?xml ...?><CodeHealthSvg>&lt;svg ...). Highlighting splits it with spaces.
  local flat; flat=$(tr -d ' ' < "$text")
  if ! grep -qF '&lt;svgxmlns="http://www.w3.org/2000/svg"width="136"' <<<"$flat" \
      || grep -qF 'CodeHealthSvg&gt;' <<<"$flat"; then
    missing+=("badge-example-as-svg-text")
  fi
  if [ ${#missing[@]} -ne 0 ]; then
    echo "docs-render: $name: missing on the rendered page: ${missing[*]}"
    return 1
  fi
  echo "docs-render: $name: 5 operations, 5 parameters, 28 JobReportInfo fields (schema and example) and the badge example as SVG text on the page"
}

check_page "$page" codearts-check
chromium_run --screenshot="$out/codearts-check.png" "file://$(pwd)/$page" >/dev/null
[ -s "$out/codearts-check.png" ] || { echo "docs-render: no screenshot" >&2; exit 1; }
echo "docs-render: screenshot $out/codearts-check.png"

# Bad input 1: a page that lost a field and an operation must fail, naming both.
sed -e 's/delay_suggestion/delay_suggestio_/g' -e 's/DeleteTaskV3/DeleteTaskV3_/g' "$page" > "$out/bad-missing.html"
if result=$(check_page "$out/bad-missing.html" bad-missing); then
  echo "docs-render: FAILED: the check passed a page without delay_suggestion and DeleteTaskV3" >&2; exit 1
fi
for expected in operation:DeleteTaskV3 schema-field:delay_suggestion example-field:delay_suggestion; do
  grep -qw -- "$expected" <<<"$result" || { echo "docs-render: FAILED: $expected not reported: $result" >&2; exit 1; }
done
echo "docs-render: bad-missing failed as expected (${result#*: })"

# Bad input 3: without the plugin, Swagger UI wraps the badge example in <CodeHealthSvg>: must fail.
sed -e 's/plugins: \[CodeArtsCheckSwaggerUi.SvgExamplesAsText\],//' "$page" > "$out/bad-badge-as-xml.html"
if grep -q 'CodeArtsCheckSwaggerUi.SvgExamplesAsText\],' "$out/bad-badge-as-xml.html"; then
  echo "docs-render: FAILED: could not take the plugin out of the page" >&2; exit 1
fi
if result=$(check_page "$out/bad-badge-as-xml.html" bad-badge-as-xml); then
  echo "docs-render: FAILED: the check passed a page that shows the badge example as XML" >&2; exit 1
fi
grep -qw -- "badge-example-as-svg-text" <<<"$result" || { echo "docs-render: FAILED: badge not reported: $result" >&2; exit 1; }
echo "docs-render: bad-badge-as-xml failed as expected (${result#*: })"

# Bad input 2: a page that needs files beside it (not self-contained) renders nothing offline.
perl -0pe 's{<script>\n(?:(?!</script>).)*?SwaggerUIBundle=.*?</script>}{<script src="swagger-ui-bundle.js"></script>}s' \
  "$page" > "$out/bad-not-inlined.html"
if grep -q 'src="swagger-ui-bundle.js"' "$out/bad-not-inlined.html" && ! check_page "$out/bad-not-inlined.html" bad-not-inlined >/dev/null; then
  echo "docs-render: bad-not-inlined failed as expected (nothing rendered without the inlined bundle)"
else
  echo "docs-render: FAILED: a page without the inlined Swagger UI bundle passed (or was not built)" >&2; exit 1
fi
