#!/usr/bin/env bash
# Per-call cost of CodeArtsCheckClient and CodeArtsCheckAsyncClient against raw JDK HttpClient +
# Jackson (send with the default and an inline executor, sendAsync), same in-process loopback
# server, same run. Prints one line per thread count, with the ratios.
#
#   bench/client/run.sh                       # 1 and 8 threads, 10,000 calls a round, 6 rounds (~8 min)
#   BENCH_CALLS=5000 BENCH_ROUNDS=4 bench/client/run.sh
#
# Env: BENCH_CALLS (10000), BENCH_ROUNDS (6, the first is warm-up), BENCH_THREADS ("1 8"), JAVA.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/target/client"
JAVA="${JAVA:-java}"
mkdir -p "$OUT"
cd "$ROOT"
if ! ls client/target/codearts-check-client-*.jar >/dev/null 2>&1; then
  mvn -B -q -pl client -am package -DskipTests
fi
mvn -B -q -pl client org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt"
example=openapi/target/classes/META-INF/openapi/examples/taskcron-200.json   # the docs' body, published once
[ -f "$example" ] || mvn -B -q -pl openapi package -DskipTests
jar=$(ls client/target/codearts-check-client-*.jar | grep -v -e -sources -e -javadoc | head -1)
cp="$jar:$(cat "$OUT/classpath.txt")"
javac -cp "$cp" -d "$OUT" "$HERE/ClientOverhead.java"
for threads in ${BENCH_THREADS:-1 8}; do
  "$JAVA" -cp "$OUT:$cp" ClientOverhead "${BENCH_CALLS:-10000}" "$threads" "${BENCH_ROUNDS:-6}" \
    "$example"
done
