#!/usr/bin/env bash
# The Quarkus example (examples/quarkus-server), built as an implementer builds it: against the
# installed server-stub and conformance artifacts, outside the toolkit's reactor. Its @QuarkusTest
# classes check the server kit's behaviour on Quarkus REST over HTTP and run the whole TCK
# (QuarkusConformanceTest: 0 failed, 0 skipped); then the packaged app is started on a free port
# and answered a few requests as a user would run it (java -jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
example=$root/examples/quarkus-server

echo "quarkus-example: install server-stub and conformance (and what they need) into the local repository"
mvn -B -q install -pl server-stub,conformance -am -DskipTests

echo "quarkus-example: build and test (mvn -f examples/quarkus-server/pom.xml verify)"
start=$(date +%s)
build_log=$(mktemp)
mvn -B -f "$example/pom.xml" clean verify 2>&1 | tee "$build_log"
echo "quarkus-example: built and tested in $(( $(date +%s) - start )) s"
tck=$(grep '^Conformance on the Quarkus example' "$build_log" || true)
rm -f "$build_log"
case "$tck" in
  *" 0 failed, 0 skipped;"*) echo "quarkus-example: TCK: $tck" ;;
  *) echo "quarkus-example: FAILED: the TCK did not pass with 0 skipped: ${tck:-no tally printed}" >&2; exit 1 ;;
esac

# Run the packaged app as a user would: port 0, the bound port read back from its log.
log=$(mktemp)
java -Dquarkus.http.port=0 -Dcodearts-check.tokens=ci-token -jar "$example/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
port=
for _ in $(seq 1 120); do
  port=$(grep -oP 'Listening on: http://127\.0\.0\.1:\K[0-9]+' "$log" || true)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "quarkus-example: FAILED: the app exited" >&2; exit 1; }
  sleep 0.5
done
[ -n "$port" ] || { cat "$log"; echo "quarkus-example: FAILED: no port after 60 s" >&2; exit 1; }
base=http://127.0.0.1:$port

fail=0
expect() { # expect NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "  ok   $1"; else echo "  FAIL $1: expected [$2], got [$3]"; fail=1; fi
}
body() { curl -s -H "X-Auth-Token: ci-token" "$@"; }
# Body then status on one line: curl's -w text follows the body it wrote to stdout.
stop=$(curl -s -w ' %{http_code}' -X POST -H 'X-Auth-Token: ci-token' "$base/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop")
expect "stop of a running task: 200 null" "200 null" "${stop##* } ${stop% *}"
expect "badge asked for as JSON is SVG" "image/svg+xml;charset=UTF-8" \
  "$(curl -s -o /dev/null -w '%{content_type}' -H 'X-Auth-Token: ci-token' -H 'Accept: application/json' "$base/v4/task/aexxxx86/code-health-svg")"
expect "async refresh leaves result out" '{"httpStatus":"OK","status":"success"}' \
  "$(body -X PUT "$base/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=")"
expect "empty job_id is 400" '{"error_code":"CC.00000001.400","error_msg":"job_id: size must be between 1 and 64"}' \
  "$(body "$base/v4/task/aexxxx86/code-health-svg?job_id=")"
expect "rejected token is 401" '{"error_code":"CC.00000003","error_msg":"Authentication information expired."}' \
  "$(curl -s -H 'X-Auth-Token: wrong' "$base/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron")"
[ "$fail" = 0 ] || { echo "quarkus-example: FAILED" >&2; exit 1; }
echo "quarkus-example: passed (tests, and the packaged app on port $port)"
