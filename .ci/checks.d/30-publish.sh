#!/usr/bin/env bash
# Publishing, end to end: `mvn deploy` with no POM edits stages every artifact into a file
# repository (target/staging-deploy) with what Maven Central asks for (sources and javadoc jars,
# name/description/url/licence/scm/developers); then a consumer project that imports the BOM
# resolves every artifact without a version, and the README's `dependency:copy` commands fetch
# the bare spec and the HTML docs.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
version=$(grep -m1 -oP '(?<=<version>)[^<]+' pom.xml)
bom_version=$(grep -m1 -oP '(?<=<version>)[^<]+' bom/pom.xml)
dep_plugin=org.apache.maven.plugins:maven-dependency-plugin:$(grep -m1 -oP '(?<=<dependency-plugin.version>)[^<]+' pom.xml)
if [ "$version" != "$bom_version" ]; then
  echo "publish: FAILED: bom/pom.xml has version $bom_version, the parent $version (the BOM has no parent: change both)" >&2
  exit 1
fi

staging=$root/target/staging-deploy
rm -rf "$staging"
echo "publish: mvn deploy (tests skipped: the README command ran them) -> target/staging-deploy"
mvn -q -B deploy -DskipTests

repo=$staging/io/codeartscheck
missing=()
need() { compgen -G "$repo/$1" >/dev/null || missing+=("$1"); }
need "codearts-check-parent/$version/codearts-check-parent-*.pom"
need "codearts-check-bom/$version/codearts-check-bom-*.pom"
for m in openapi client server-stub emulator conformance; do
  need "codearts-check-$m/$version/codearts-check-$m-*[0-9].jar"
  need "codearts-check-$m/$version/codearts-check-$m-*-sources.jar"
  need "codearts-check-$m/$version/codearts-check-$m-*-javadoc.jar"
  need "codearts-check-$m/$version/codearts-check-$m-*.pom"
done
need "codearts-check-openapi/$version/codearts-check-openapi-*-openapi.yaml"
need "codearts-check-openapi/$version/codearts-check-openapi-*-docs.html"
# Central's POM rules: every POM names and describes itself; the rest comes from the parent.
for pom in "$repo"/*/"$version"/*.pom; do
  for tag in name description; do grep -qE "<$tag[ >]" "$pom" || missing+=("<$tag> in $(basename "$pom")"); done
done
for pom in "$repo"/codearts-check-parent/"$version"/*.pom "$repo"/codearts-check-bom/"$version"/*.pom; do
  for tag in url licenses scm developers; do grep -qE "<$tag[ >]" "$pom" || missing+=("<$tag> in $(basename "$pom")"); done
done
unzip -l "$(ls "$repo"/codearts-check-client/"$version"/*-javadoc.jar | head -1)" | grep -q "io/codeartscheck/client/api/TaskManagementApi.html" \
  || missing+=("TaskManagementApi.html in the client javadoc jar")
unzip -l "$(ls "$repo"/codearts-check-openapi/"$version"/*-sources.jar | head -1)" | grep -q "META-INF/openapi/codearts-check.yaml" \
  || missing+=("the spec in the openapi sources jar")
if [ ${#missing[@]} -ne 0 ]; then
  printf 'publish: FAILED: not staged: %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "publish: staged $(find "$repo" -type f ! -name '*.md5' ! -name '*.sha1' ! -name 'maven-metadata*' | wc -l) files with sources, javadoc and Central metadata"

# A consumer: imports the BOM, names artifacts without versions.
consumer=$root/target/consumer-check
rm -rf "$consumer" && mkdir -p "$consumer"
cat > "$consumer/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>consumer</artifactId>
  <version>1</version>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.codeartscheck</groupId>
        <artifactId>codearts-check-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-openapi</artifactId></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-openapi</artifactId><type>yaml</type><classifier>openapi</classifier></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-openapi</artifactId><type>html</type><classifier>docs</classifier></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-client</artifactId></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-server-stub</artifactId></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-emulator</artifactId></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-conformance</artifactId></dependency>
  </dependencies>
</project>
POM
(cd "$consumer" && mvn -q -B -o "$dep_plugin:copy-dependencies" -DoutputDirectory=lib -DincludeGroupIds=io.codeartscheck)
for f in "codearts-check-openapi-$version.jar" "codearts-check-openapi-$version-openapi.yaml" \
         "codearts-check-openapi-$version-docs.html" "codearts-check-client-$version.jar" \
         "codearts-check-server-stub-$version.jar" "codearts-check-emulator-$version.jar" \
         "codearts-check-conformance-$version.jar"; do
  [ -s "$consumer/lib/$f" ] || missing+=("$f")
done
# The BOM must not leak the parent's dependencyManagement (Jackson, Feign, ...) into consumers.
if grep -q "<parent>" bom/pom.xml; then missing+=("(bom/pom.xml has a parent: it would leak its dependencyManagement)"); fi
# The README's command for the bare spec file (the docs are fetched the same way, html:docs).
(cd "$consumer" && mvn -q -B -o "$dep_plugin:copy" -Dartifact="io.codeartscheck:codearts-check-openapi:$version:yaml:openapi" -DoutputDirectory=readme)
cmp -s "$consumer/readme/codearts-check-openapi-$version-openapi.yaml" openapi/src/main/openapi/codearts-check.yaml \
  || missing+=("the fetched yaml is not the spec")
if [ ${#missing[@]} -ne 0 ]; then
  printf 'publish: FAILED: consumer: %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "publish: a consumer importing codearts-check-bom:$version resolved the spec jar, yaml and docs, client, server-stub, emulator and conformance without versions"
