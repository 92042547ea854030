#!/usr/bin/env bash
# The conformance suite on JDK 25 (the README's build runs on JDK 17): every case as raw HTTP and
# through both typed clients (sync and async) against the emulator on Jersey and on RESTEasy, and
# the root README's client snippets compiled and run as printed. The async client leans on
# java.net.http's sendAsync, cancellation and the JDK's delay scheduler, which differ between
# 17 and 25. JDK 25 is /usr/lib/jvm/temurin-25-jdk-amd64 on this project's machines; JDK25_HOME
# overrides.
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -x "$jdk25/bin/java" ]; then
  echo "conformance-jdk25: FAILED: no JDK at $jdk25 (install Temurin 25 or set JDK25_HOME)" >&2
  exit 1
fi
version=$("$jdk25/bin/java" -version 2>&1 | head -1)
case "$version" in
  *'"25'*) ;;
  *) echo "conformance-jdk25: FAILED: $jdk25 is not JDK 25: $version" >&2; exit 1 ;;
esac
echo "conformance-jdk25: mvn -B -pl conformance -am test on $version"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! JAVA_HOME=$jdk25 mvn -B -pl conformance -am test > "$log" 2>&1; then
  grep -E 'Tests run:|FAIL|ERROR' "$log" | tail -40 >&2
  echo "conformance-jdk25: FAILED: conformance tests fail on JDK 25" >&2
  exit 1
fi
tallies=$(grep -E '^Conformance on the emulator on (Jersey|RESTEasy)[^:]*:' "$log" || true)
echo "$tallies"
for runtime in Jersey RESTEasy; do
  line=$(grep -E "^Conformance on the emulator on $runtime[^:]*:" <<< "$tallies" || true)
  async=$(sed -nE 's/.* ([0-9]+) through the typed async client.*/\1/p' <<< "$line")
  typed=$(sed -nE 's/.* ([0-9]+) through the typed client,.*/\1/p' <<< "$line")
  if [ -z "$async" ] || [ "$async" -lt 40 ] || [ "$async" != "$typed" ]; then
    echo "conformance-jdk25: FAILED: on $runtime, ${typed:-no} cases passed through the typed" \
      "client and ${async:-no} through the typed async client (expected the same, at least 40)" >&2
    exit 1
  fi
done
if ! grep -qE 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0.*ReadmeSnippetJerseyTest' "$log"; then
  echo "conformance-jdk25: FAILED: the README snippets did not run on JDK 25" >&2
  exit 1
fi
echo "conformance-jdk25: passed on JDK 25"
