#!/usr/bin/env bash
# The TCK against the emulator jar started on its own (java -jar), over HTTP, on a free port:
#  1. the root README as written: its first set-up command (the build, then the jar, on port 0
#     instead of 8080), then its TCK command (with that port): it must pass, every case that needs
#     tasks must run (fixtures through the emulator's admin API), and only the rejected-token case
#     may be skipped (the README's emulator accepts any token), saying why;
#  2. the jar with --token, so that another token is rejected: 0 failed, 0 skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
pid=
stop_emulator() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop_emulator; rm -rf "$work"' EXIT

# The README's commands, as printed there.
setup=$(awk '/^```sh/{getline; print; exit}' README.md)
tck=$(grep -m1 '^mvn -B -pl conformance verify' README.md)
build=${setup%%&&*}
start=${setup#*&& }
case "$start" in "java -jar emulator/target/codearts-check-emulator.jar"*) ;; *)
  echo "tck-emulator-jar: FAILED: the README's first command is not 'build && java -jar …': $setup" >&2; exit 1;; esac
[ -n "$tck" ] || { echo "tck-emulator-jar: FAILED: no TCK command (mvn -B -pl conformance verify …) in README.md" >&2; exit 1; }
case "$tck" in *127.0.0.1:8080*) ;; *) echo "tck-emulator-jar: FAILED: the TCK command names no 127.0.0.1:8080: $tck" >&2; exit 1;; esac

# start_emulator ARGS...: runs the jar in the background, sets $port
start_emulator() {
  "$@" >"$work/emulator.log" 2>&1 &
  pid=$!
  port=
  for _ in $(seq 1 100); do
    port=$(grep -oP 'listening on http://127\.0\.0\.1:\K[0-9]+' "$work/emulator.log" || true)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/emulator.log"; echo "tck-emulator-jar: FAILED: the emulator exited" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$port" ] || { echo "tck-emulator-jar: FAILED: no port in 20 s" >&2; exit 1; }
}

# tally LOG: the suite's report line and its skip lines
tally() { grep -A6 '^Conformance on http' "$1" | grep -v '^\[' || true; }

echo "tck-emulator-jar: the README's first command: $build"
bash -c "$build"
echo "tck-emulator-jar: then: $start --port 0"
start_emulator $start --port 0
cmd=${tck//127.0.0.1:8080/127.0.0.1:$port}
echo "tck-emulator-jar: the README's TCK command: $cmd"
if ! bash -c "$cmd" >"$work/readme.log" 2>&1; then
  tail -80 "$work/readme.log"; echo "tck-emulator-jar: FAILED: the README's TCK command failed" >&2; exit 1
fi
tally "$work/readme.log"
line=$(grep '^Conformance on http' "$work/readme.log")
skips=$(grep -A20 '^Conformance on http' "$work/readme.log" | grep -E '^    [a-z0-9-]+ \[' | awk '{print $1}' | sort -u | tr '\n' ' ')
if ! [[ "$line" == *" 0 failed, 3 skipped;"* && "$skips" == "taskcron-rejected-token " ]]; then
  echo "tck-emulator-jar: FAILED: expected 0 failed and only taskcron-rejected-token skipped (raw, typed and typed async); skipped: $skips" >&2; exit 1
fi
stop_emulator

echo "tck-emulator-jar: the jar with --token ci-token, and a rejected token"
start_emulator java -jar emulator/target/codearts-check-emulator.jar --port 0 --token ci-token --no-request-log
if ! mvn -B -pl conformance verify -Dconformance.baseUrl="http://127.0.0.1:$port" -Dconformance.token=ci-token \
    -Dconformance.fixtures=emulator-admin-api -Dconformance.rejectedToken=ci-rejected-token >"$work/strict.log" 2>&1; then
  tail -80 "$work/strict.log"; echo "tck-emulator-jar: FAILED: the TCK failed on the emulator jar" >&2; exit 1
fi
tally "$work/strict.log"
grep -q '^Conformance on http.*, 0 failed, 0 skipped;' "$work/strict.log" \
  || { echo "tck-emulator-jar: FAILED: expected 0 failed, 0 skipped" >&2; exit 1; }
echo "tck-emulator-jar: passed"
