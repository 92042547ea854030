#!/usr/bin/env bash
# The client's tests on JDK 25 (the README's build runs on the default JDK 17): the transport
# leans on java.net.http internals that changed between 17 and 25 (HTTP/1.1 pool, shutdownNow),
# so every client test, the misbehaving-server ones included, must pass on both.
# JDK 25 is /usr/lib/jvm/temurin-25-jdk-amd64 on this project's machines; JDK25_HOME overrides.
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -x "$jdk25/bin/java" ]; then
  echo "client-jdk25: FAILED: no JDK at $jdk25 (install Temurin 25 or set JDK25_HOME)" >&2
  exit 1
fi
version=$("$jdk25/bin/java" -version 2>&1 | head -1)
case "$version" in
  *'"25'*) ;;
  *) echo "client-jdk25: FAILED: $jdk25 is not JDK 25: $version" >&2; exit 1 ;;
esac
echo "client-jdk25: mvn -B -pl client -am test on $version"
reports=client/target/surefire-reports
rm -rf "$reports"
if ! JAVA_HOME=$jdk25 mvn -B -q -pl client -am test; then
  echo "client-jdk25: FAILED: client tests fail on JDK 25 (reports in $reports)" >&2
  exit 1
fi
# Count <testcase> elements: surefire's tests="..." attribute is 0 for JUnit @ParameterizedClass
# classes (every client test class runs once per client, sync and async).
tests=$(cat "$reports"/TEST-*.xml | grep -o '<testcase ' | wc -l)
if [ "${tests:-0}" -lt 400 ]; then
  echo "client-jdk25: FAILED: only ${tests:-0} client tests ran on JDK 25" >&2
  exit 1
fi
echo "client-jdk25: $tests client tests passed on JDK 25"
