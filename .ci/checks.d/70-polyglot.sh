#!/usr/bin/env bash
# Spec consumers in other languages: generates the TypeScript (typescript-fetch), Python and Go
# clients from the BUILT spec with the generator configurations shipped beside it (both taken from
# the openapi jar, META-INF/openapi/), with openapi-generator-cli from Maven Central; compiles the
# TypeScript one with tsc --strict; then runs a small program per language (.ci/polyglot/) that
# calls all five operations against a freshly started emulator and checks the docs' values: every
# one of the 28 report fields under the configuration's name (CRITICAL=4 beside critical=0), the
# badge as text, stop null, delete true, a second delete 400. A lost field fails the check by name.
# Go runs when Debian's golang-go installs; the generated client needs no module download.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tools=$root/.ci/.tools
work=$root/target/polyglot
version=$(grep -m1 -oP '(?<=<version>)[^<]+' pom.xml)
generator_version=$(grep -m1 -oP '(?<=<openapi-generator.version>)[^<]+' pom.xml)
dep_plugin=org.apache.maven.plugins:maven-dependency-plugin:$(grep -m1 -oP '(?<=<dependency-plugin.version>)[^<]+' pom.xml)
typescript_version=5.9.3
openapi_jar=$root/openapi/target/codearts-check-openapi-$version.jar
emulator_jar=$root/emulator/target/codearts-check-emulator.jar
timing() { echo "polyglot: $1 in $(( $(date +%s%N) / 1000000 - $2 )) ms"; }
now() { echo $(( $(date +%s%N) / 1000000 )); }

if [ ! -f "$openapi_jar" ] || [ ! -f "$emulator_jar" ]; then
  echo "polyglot: building the openapi and emulator jars"
  mvn -q -B install -DskipTests -pl emulator -am
fi
cli=$tools/openapi-generator-cli-$generator_version.jar
if [ ! -f "$cli" ]; then
  mkdir -p "$tools"
  mvn -q -B "$dep_plugin:copy" -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" -DoutputDirectory="$tools"
fi

rm -rf "$work" && mkdir -p "$work"
# The spec, the configurations and the examples, as published.
(cd "$work" && unzip -q "$openapi_jar" 'META-INF/openapi/*')
published=$work/META-INF/openapi
spec=$published/codearts-check.yaml
generators=$published/generators
examples=$published/examples

# names.json: a configuration's nameMappings (wire name -> name in that language).
names() {
  python3 - "$generators/$1.yaml" > "$work/$1-names.json" <<'PY'
import json, re, sys
names, inside = {}, False
for line in open(sys.argv[1], encoding="utf-8"):
    if re.match(r"^nameMappings:\s*$", line):
        inside = True
    elif inside and (m := re.match(r"^  (\w+):\s*(\w+)\s*$", line)):
        names[m.group(1)] = m.group(2)
    elif inside and re.match(r"^\S", line):
        inside = False
print(json.dumps(names))
PY
}

emulator_pid=
stop_emulator() { if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=; fi; }
trap stop_emulator EXIT
# start_emulator: a fresh emulator (its data are changed by stop and delete) on a free port;
# sets base_url from the first http://host:port in its output.
start_emulator() {
  stop_emulator
  local log=$work/emulator-$1.log
  java -jar "$emulator_jar" --port 0 > "$log" 2>&1 &
  emulator_pid=$!
  base_url=
  for _ in $(seq 1 600); do
    base_url=$(perl -ne 'if (m{(https?://[A-Za-z0-9.\-]+:[0-9]+)}) { print $1; exit }' "$log")
    [ -n "$base_url" ] && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$log"; echo "polyglot: FAILED: the emulator exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$base_url" ] || { cat "$log"; echo "polyglot: FAILED: no URL in the emulator's output after 60 s" >&2; exit 1; }
  curl -fsS --max-time 10 "$base_url/health" >/dev/null || { cat "$log"; echo "polyglot: FAILED: $base_url/health" >&2; exit 1; }
}

generate() { # generate GENERATOR OUT [extra args]
  local generator=$1 out=$2; shift 2
  java -jar "$cli" generate -g "$generator" -i "$spec" -c "$generators/$generator.yaml" -o "$out" "$@" \
    > "$work/generate-$generator.log" 2>&1 || { cat "$work/generate-$generator.log"; echo "polyglot: FAILED: generating $generator" >&2; exit 1; }
}

failed=0

# --- TypeScript ------------------------------------------------------------------------------
t=$(now); generate typescript-fetch "$work/typescript/client"; timing "typescript-fetch generated" "$t"
tsc=$tools/node_modules/.bin/tsc
if [ ! -x "$tsc" ] || [ "$("$tsc" --version)" != "Version $typescript_version" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "typescript@$typescript_version" >/dev/null
fi
cp .ci/polyglot/check-client.ts "$work/typescript/"
t=$(now)
"$tsc" --strict --target es2020 --module commonjs --lib es2020,dom --outDir "$work/typescript/out" \
  "$work/typescript/check-client.ts"
timing "typescript compiled (tsc --strict)" "$t"
names typescript-fetch
start_emulator typescript
t=$(now)
node "$work/typescript/out/check-client.js" "$base_url" "$examples" "$work/typescript-fetch-names.json" || failed=1
timing "typescript ran" "$t"

# --- Python ----------------------------------------------------------------------------------
python3 -c 'import pydantic, urllib3, dateutil, typing_extensions' \
  || { echo "polyglot: FAILED: the Python client needs pydantic 2, urllib3, python-dateutil, typing-extensions" >&2; exit 1; }
t=$(now); generate python "$work/python/client" -t "$generators/python-templates"; timing "python generated" "$t"
names python
start_emulator python
t=$(now)
PYTHONPATH="$work/python/client" python3 .ci/polyglot/check_client.py "$base_url" "$examples" "$work/python-names.json" || failed=1
timing "python ran" "$t"

# Broken on purpose: a client generated with one mapping dropped must fail, naming the field: for
# CRITICAL the generator itself refuses (its two properties would share one name), for CODE_SIZE
# (which keeps a name, just not the configured one) the check program reports the field as lost.
t=$(now)
for dropped in CRITICAL CODE_SIZE; do
  broken=$work/python-without-${dropped,,}
  mkdir -p "$broken"
  grep -v "^  $dropped:" "$generators/python.yaml" > "$broken/python.yaml"
  if cmp -s "$broken/python.yaml" "$generators/python.yaml"; then
    echo "polyglot: FAILED: python.yaml has no $dropped mapping to drop" >&2; exit 1
  fi
  if java -jar "$cli" generate -g python -i "$spec" -c "$broken/python.yaml" -o "$broken/client" \
      -t "$generators/python-templates" > "$broken/out.txt" 2>&1; then
    start_emulator "python-without-${dropped,,}"
    if PYTHONPATH="$broken/client" python3 .ci/polyglot/check_client.py "$base_url" "$examples" \
        "$work/python-names.json" > "$broken/out.txt" 2>&1; then
      cat "$broken/out.txt"
      echo "polyglot: FAILED: the Python check passed on a client generated without the $dropped mapping" >&2; exit 1
    fi
  fi
  if ! grep -q "$dropped" "$broken/out.txt"; then
    cat "$broken/out.txt"
    echo "polyglot: FAILED: without the $dropped mapping, nothing failed naming $dropped" >&2; exit 1
  fi
  echo "polyglot: broken on purpose (python.yaml without $dropped): fails with: $(grep -m1 "$dropped" "$broken/out.txt" | cut -c1-160)"
done
timing "python broken on purpose (twice)" "$t"

# --- Go (when Debian's toolchain installs) ---------------------------------------------------
if ! command -v go >/dev/null; then
  t=$(now)
  echo "polyglot: installing Debian's golang-go"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go; } >/dev/null 2>&1 || true
  timing "golang-go installed" "$t"
fi
if command -v go >/dev/null; then
  t=$(now); generate go "$work/go/client"; timing "go generated" "$t"
  mkdir -p "$work/go/check"
  cp .ci/polyglot/check_client.go "$work/go/check/main.go"
  module=$(grep -m1 -oP '(?<=^module )\S+' "$work/go/client/go.mod")
  printf 'module polyglot/check\n\ngo 1.19\n\nrequire %s v0.0.0\n\nreplace %s => ../client\n' "$module" "$module" \
    > "$work/go/check/go.mod"
  names go
  start_emulator go
  t=$(now)
  # No module proxy: the generated client uses the standard library only.
  (cd "$work/go/check" && GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GOCACHE="$work/go/cache" \
    go build -o check . ) || { echo "polyglot: FAILED: the Go client does not build" >&2; exit 1; }
  timing "go built ($(go version | cut -d' ' -f3))" "$t"
  t=$(now)
  "$work/go/check/check" "$base_url" "$examples" "$work/go-names.json" || failed=1
  timing "go ran" "$t"
else
  echo "polyglot: Go skipped: golang-go did not install (the Go configuration is checked by GeneratorConfigTest)"
fi
stop_emulator

if [ "$failed" -ne 0 ]; then
  echo "polyglot: FAILED (see the lines above)" >&2
  exit 1
fi
echo "polyglot: the TypeScript, Python and Go clients generated from the published spec keep every field"
