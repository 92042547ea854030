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
# Every jar module of the reactor (from the root pom's <modules>), by artifactId.
jar_artifacts=()
# (single-process reads: `cmd | grep -m1` under pipefail can die of SIGPIPE)
for m in $(perl -0ne 'print "$1\n" while m{<module>([^<]+)</module>}g' pom.xml); do
  [ "$m" = bom ] && continue
  jar_artifacts+=("$(perl -0ne 's{<parent>.*?</parent>}{}s; print $1 if m{<artifactId>([^<]+)</artifactId>}' "$m/pom.xml")")
done
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
for a in "${jar_artifacts[@]}"; do
  need "$a/$version/$a-*[0-9].jar"
  need "$a/$version/$a-*-sources.jar"
  need "$a/$version/$a-*-javadoc.jar"
  need "$a/$version/$a-*.pom"
  # The BOM must manage every published module.
  grep -q "<artifactId>$a</artifactId>" bom/pom.xml || missing+=("$a in bom/pom.xml")
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
# (listings go to files: `unzip | grep -q` under pipefail fails on SIGPIPE)
contains() { # contains JAR-GLOB ENTRY
  local jar; jar=$(compgen -G "$repo/$1" | head -n1) || true
  [ -n "$jar" ] && unzip -Z1 "$jar" > "$staging/listing.txt" && grep -qxF "$2" "$staging/listing.txt"
}
contains "codearts-check-client/$version/*-javadoc.jar" io/codeartscheck/client/CodeArtsCheckClient.html \
  || missing+=("CodeArtsCheckClient.html in the client javadoc jar")
contains "codearts-check-openapi/$version/*-sources.jar" META-INF/openapi/codearts-check.yaml \
  || missing+=("the spec in the openapi sources jar")
contains "codearts-check-openapi/$version/*-javadoc.jar" index.html \
  || missing+=("the HTML reference in the openapi javadoc jar")
rm -f "$staging/listing.txt"
if [ ${#missing[@]} -ne 0 ]; then
  printf 'publish: FAILED: missing: %s\n' "${missing[@]}" >&2
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
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-openapi</artifactId><type>yaml</type><classifier>openapi</classifier></dependency>
    <dependency><groupId>io.codeartscheck</groupId><artifactId>codearts-check-openapi</artifactId><type>html</type><classifier>docs</classifier></dependency>
$(for a in "${jar_artifacts[@]}"; do echo "    <dependency><groupId>io.codeartscheck</groupId><artifactId>$a</artifactId></dependency>"; done)
  </dependencies>
</project>
POM
(cd "$consumer" && mvn -q -B "$dep_plugin:copy-dependencies" -DoutputDirectory=lib -DincludeGroupIds=io.codeartscheck)
for f in "codearts-check-openapi-$version-openapi.yaml" "codearts-check-openapi-$version-docs.html" \
         $(for a in "${jar_artifacts[@]}"; do echo "$a-$version.jar"; done); do
  [ -s "$consumer/lib/$f" ] || missing+=("$f")
done
# The BOM must not leak the parent's dependencyManagement (Jackson, Feign, ...) into consumers.
if grep -q "<parent>" bom/pom.xml; then missing+=("(bom/pom.xml has a parent: it would leak its dependencyManagement)"); fi
# The README's command for the bare spec file (the docs are fetched the same way, html:docs).
(cd "$consumer" && mvn -q -B "$dep_plugin:copy" -Dartifact="io.codeartscheck:codearts-check-openapi:$version:yaml:openapi" -DoutputDirectory=readme)
cmp -s "$consumer/readme/codearts-check-openapi-$version-openapi.yaml" openapi/src/main/openapi/codearts-check.yaml \
  || missing+=("the fetched yaml is not the spec")
if [ ${#missing[@]} -ne 0 ]; then
  printf 'publish: FAILED: consumer: %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "publish: a consumer importing codearts-check-bom:$version resolved the spec yaml and docs and ${jar_artifacts[*]} without versions"
