#!/usr/bin/env bash
# Dredd 14 (npm dredd@14.1.0) sends the spec's example requests to the emulator jar, started on its
# own with its default data on a free port, once for every documented status of every operation:
# conformance/src/test/dredd/hooks.js makes each request ask for that status (400: an unknown id,
# 401: no token, 406: Accept text/html) and sorts the failures. Dredd compares Content-Type
# exactly ("application/json;charset=UTF-8" fails against "application/json"), a known limitation
# of Dredd; the check fails on any other failure, on a skipped transaction, or when the hooks
# report nothing. Then it shows that it can fail: against an emulator that accepts only another
# token, every 200 transaction must come out as an unexpected failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=.ci/.tools
dredd="$tools/node_modules/.bin/dredd"
if [ ! -x "$dredd" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error dredd@14.1.0 >/dev/null
fi
jar=emulator/target/codearts-check-emulator.jar
[ -f "$jar" ] || mvn -B -q install -DskipTests
spec=openapi/src/main/openapi/codearts-check.yaml
hooks=conformance/src/test/dredd/hooks.js
work=$(mktemp -d)
pid=
stop_emulator() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop_emulator; rm -rf "$work"' EXIT

# run_dredd NAME EMULATOR-ARGS...: starts the emulator, runs Dredd with the hooks, leaves $work/NAME.json
run_dredd() {
  local name=$1; shift
  java -jar "$jar" --port 0 --no-request-log "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  local port=
  for _ in $(seq 1 100); do
    port=$(grep -oP 'listening on http://127\.0\.0\.1:\K[0-9]+' "$work/$name.log" || true)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name.log"; echo "dredd: FAILED: the emulator exited" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$port" ] || { echo "dredd: FAILED: the emulator printed no port in 20 s" >&2; exit 1; }
  DREDD_VERDICTS="$work/$name.json" "$dredd" "$spec" "http://127.0.0.1:$port" --header "X-Auth-Token: dredd-token" \
    --hookfiles "$hooks" >"$work/$name.out" 2>&1 || true   # Dredd fails on the Content-Type comparison: the verdicts decide
  stop_emulator
  [ -s "$work/$name.json" ] || { cat "$work/$name.out"; echo "dredd: FAILED: the hooks wrote no verdicts" >&2; exit 1; }
}

# summary FILE: prints the tally and every unexpected failure; exit status 0 when there is none
summary() {
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const count = (o) => d.verdicts.filter((v) => v.outcome === o).length;
    console.log(`  ${d.transactions} transactions: ${count("pass")} passed, ${count("content-type-only")} failed only on the exact Content-Type comparison, ${count("unexpected")} failed otherwise`);
    d.verdicts.filter((v) => v.outcome === "unexpected").forEach((v) =>
      console.log(`  UNEXPECTED ${v.request} (expected ${v.expectedStatus}, got ${v.actualStatus}): ${v.problems.join("; ")}`));
    process.exit(d.transactions > 0 && d.verdicts.length === d.transactions && count("unexpected") === 0 ? 0 : 1);
  ' "$1"
}

echo "dredd: $("$dredd" --version | head -1) on $spec against $jar"
run_dredd emulator
if ! summary "$work/emulator.json"; then
  cat "$work/emulator.out"
  echo "dredd: FAILED: Dredd found more than its exact Content-Type comparison" >&2
  exit 1
fi

echo "dredd: control: an emulator that accepts only another token must fail"
run_dredd control --token not-the-dredd-token
if summary "$work/control.json" >"$work/control.summary"; then
  cat "$work/control.summary"
  echo "dredd: FAILED: the control run found nothing unexpected, so this check could not fail" >&2
  exit 1
fi
grep -c UNEXPECTED "$work/control.summary" | sed 's/^/  unexpected failures in the control run: /'
echo "dredd: passed"
