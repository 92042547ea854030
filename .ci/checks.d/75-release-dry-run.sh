#!/usr/bin/env bash
# Release dry run, then reproducibility. From a copy of this commit with the release version set
# (as RELEASING.md does it), `mvn -P release deploy -DskipUpload=true` signs every artifact with
# a throwaway GPG key (made here in a temporary GNUPGHOME, never kept) and builds the Maven Central
# bundle without uploading it. The bundle must validate the way Central validates: every file
# signed (each signature verifies) and with md5/sha1 checksums that match, every jar with its
# -sources and -javadoc jars, every POM with name, description, url, licences, developers and scm
# (its own or its parent's). Then a second copy, in another folder, is built again and every jar
# must be byte-identical to the first build's.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$root/target/release-dry-run
snapshot=$(grep -m1 -oP '(?<=<version>)[^<]+' pom.xml)
release=${snapshot%-SNAPSHOT}
versions_plugin=org.codehaus.mojo:versions-maven-plugin:2.18.0
now() { echo $(( $(date +%s%N) / 1000000 )); }
rm -rf "$work" && mkdir -p "$work"
gnupg=$(mktemp -d)
trap 'gpgconf --homedir "$gnupg" --kill all >/dev/null 2>&1 || true; rm -rf "$gnupg"' EXIT
export GNUPGHOME=$gnupg

# The BOM has no parent: its release profile repeats the parent's plugin versions.
for plugin in gpg-plugin central-publishing-plugin; do
  wanted=$(grep -m1 -oP "(?<=<$plugin.version>)[^<]+" pom.xml)
  artifact=$([ "$plugin" = gpg-plugin ] && echo maven-gpg-plugin || echo central-publishing-maven-plugin)
  perl -0ne "exit(!m{<artifactId>$artifact</artifactId>\\s*<version>\\Q$wanted\\E</version>})" bom/pom.xml \
    || { echo "release: FAILED: bom/pom.xml's release profile must use $artifact $wanted, as the parent does" >&2; exit 1; }
done

# The release tree: the tracked and new (not ignored) files of this tree with the release version
# set as RELEASING.md does it (versions:set also moves project.build.outputTimestamp to now, as a
# release commit would). Both builds below start from copies of it: the same commit, twice.
t=$(now)
mkdir -p "$work/tree"
git ls-files -z -c -o --exclude-standard | grep -zv '^target/' | tar --null -T - -c | tar -x -C "$work/tree"
(cd "$work/tree" && mvn -q -B "$versions_plugin:set" -DnewVersion="$release" -DprocessAllModules=true -DgenerateBackupPoms=false)
# (the reactor's POMs: examples/ build against the installed artifacts, outside the reactor)
reactor_poms=("$work/tree/pom.xml")
for m in $(perl -0ne 'print "$1\n" while m{<module>([^<]+)</module>}g' pom.xml); do reactor_poms+=("$work/tree/$m/pom.xml"); done
# (RELEASING.md runs this check on the release commit too, where there is no -SNAPSHOT left to set)
if [ "$snapshot" != "$release" ] && grep -l -- "$snapshot" "${reactor_poms[@]}" >/dev/null; then
  echo "release: FAILED: versions:set left $snapshot in $(grep -l -- "$snapshot" "${reactor_poms[@]}" | tr '\n' ' ')" >&2; exit 1
fi
cp -a "$work/tree" "$work/a"
gpg --batch --pinentry-mode loopback --passphrase '' --quick-gen-key \
  "codearts-check release dry run <dry-run@example.invalid>" ed25519 sign 1d >/dev/null 2>&1
fingerprint=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr:/ {print $10; exit}')
echo "release: throwaway key $fingerprint in a temporary GNUPGHOME"
# The Central plugin wants the server's credentials even when it does not upload: placeholders in
# global settings (-gs keeps any user settings, mirrors included).
cat > "$work/settings.xml" <<'XML'
<settings><servers><server><id>central</id><username>dry-run</username><password>dry-run</password></server></servers></settings>
XML
(cd "$work/a" && mvn -q -B -gs "$work/settings.xml" -P release deploy -DskipTests -DskipUpload=true -Dgpg.keyname="$fingerprint")
bundle=$work/a/target/central-publishing/central-bundle.zip
[ -s "$bundle" ] || { echo "release: FAILED: no bundle at $bundle" >&2; exit 1; }
echo "release: signed and bundled $release in $(( ($(now) - t) / 1000 )) s"

# --- The bundle, validated the way Central does ----------------------------------------------
# validate_bundle DIR: sets problems (what Central would refuse), files and poms.
validate_bundle() {
  local unpacked=$1
  problems=()
  files=0
  poms=0
  while IFS= read -r -d '' file; do
    files=$((files + 1))
    [ -f "$file.asc" ] || problems+=("no signature: ${file#$unpacked/}")
    if [ -f "$file.asc" ] && ! gpg --batch --verify "$file.asc" "$file" >/dev/null 2>&1; then
      problems+=("signature does not verify: ${file#$unpacked/}")
    fi
    for algorithm in md5 sha1; do
      if [ ! -f "$file.$algorithm" ]; then
        problems+=("no $algorithm: ${file#$unpacked/}")
      elif [ "$(cut -d' ' -f1 < "$file.$algorithm")" != "$("${algorithm}sum" < "$file" | cut -d' ' -f1)" ]; then
        problems+=("wrong $algorithm: ${file#$unpacked/}")
      fi
    done
  done < <(find "$unpacked" -type f ! -name '*.asc' ! -name '*.md5' ! -name '*.sha1' ! -name '*.sha256' ! -name '*.sha512' -print0)
  # pom_has POM TAG: the tag in the POM, or in its parent's POM within the bundle.
  pom_has() {
    grep -qE "<$2[ >]" <(perl -0pe 's{<parent>.*?</parent>}{}s; s{<profiles>.*</profiles>}{}s' "$1") && return 0
    local parent; parent=$(perl -0ne 'print $1 if m{<parent>.*?<artifactId>([^<]+)</artifactId>.*?</parent>}s' "$1")
    [ -n "$parent" ] && [ -f "$unpacked/io/codeartscheck/$parent/$release/$parent-$release.pom" ] \
      && pom_has "$unpacked/io/codeartscheck/$parent/$release/$parent-$release.pom" "$2"
  }
  for pom in "$unpacked"/io/codeartscheck/*/"$release"/*.pom; do
    poms=$((poms + 1))
    # Each POM names and describes itself (an inherited description would describe the parent);
    # url, licences, developers and scm may come from the parent.
    for tag in name description; do
      grep -qE "<$tag[ >]" <(perl -0pe 's{<parent>.*?</parent>}{}s' "$pom") || problems+=("no <$tag> of its own: $(basename "$pom")")
    done
    for tag in url licenses developers scm; do pom_has "$pom" "$tag" || problems+=("no <$tag>: $(basename "$pom")"); done
    base=${pom%.pom}
    if ! grep -q '<packaging>pom</packaging>' "$pom"; then
      for part in .jar -sources.jar -javadoc.jar; do [ -f "$base$part" ] || problems+=("missing $(basename "$base$part")"); done
      # (the listing goes to a file: `unzip | grep -q` under pipefail fails on SIGPIPE)
      if [ -f "$base-javadoc.jar" ]; then
        unzip -Z1 "$base-javadoc.jar" > "$work/listing.txt"
        grep -qx index.html "$work/listing.txt" || problems+=("no index.html in $(basename "$base-javadoc.jar")")
      fi
    fi
  done
  # Every artifact of the reactor: the parent and each <module>'s own artifactId.
  artifacts=(codearts-check-parent)
  for m in $(perl -0ne 'print "$1\n" while m{<module>([^<]+)</module>}g' pom.xml); do
    artifacts+=("$(perl -0ne 's{<parent>.*?</parent>}{}s; print $1 if m{<artifactId>([^<]+)</artifactId>}' "$m/pom.xml")")
  done
  for artifact in "${artifacts[@]}"; do
    [ -f "$unpacked/io/codeartscheck/$artifact/$release/$artifact-$release.pom" ] || problems+=("$artifact not in the bundle")
  done
}
unpacked=$work/bundle
mkdir -p "$unpacked" && (cd "$unpacked" && unzip -q "$bundle")
validate_bundle "$unpacked"
if [ ${#problems[@]} -ne 0 ]; then
  printf 'release: FAILED: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "release: the bundle validates: $files files signed (signatures verify) with matching md5/sha1, $poms POMs with Central's metadata, every jar with sources and javadoc"

# Broken on purpose: a copy of the bundle with one jar changed after signing and one sources jar
# gone must fail the same validation, naming both.
tampered=$work/bundle-tampered
cp -a "$unpacked" "$tampered"
victim=$(find "$tampered/io/codeartscheck" -name "codearts-check-client-$release.jar" | head -1)
[ -n "$victim" ] || { echo "release: FAILED: no client jar in the bundle" >&2; exit 1; }
printf 'x' >> "$victim"
rm "${victim%.jar}-sources.jar"
validate_bundle "$tampered"
expected_problems=("signature does not verify: ${victim#$tampered/}" "wrong md5: ${victim#$tampered/}"
  "missing $(basename "${victim%.jar}-sources.jar")")
for p in "${expected_problems[@]}"; do
  printf '%s\n' "${problems[@]}" | grep -qxF "$p" \
    || { printf 'release: FAILED: the tampered bundle was not refused for: %s (problems: %s)\n' "$p" "${problems[*]:-none}" >&2; exit 1; }
done
echo "release: broken on purpose (a jar changed after signing, a sources jar removed): refused with ${#problems[@]} problems, e.g. ${expected_problems[0]}"

# --- Reproducible: the same commit built again elsewhere gives the same bytes -----------------
t=$(now)
cp -a "$work/tree" "$work/b"
(cd "$work/b" && mvn -q -B package -DskipTests)
different=()
jars=0
while IFS= read -r -d '' jar; do
  jars=$((jars + 1))
  relative=${jar#$work/a/}
  cmp -s "$jar" "$work/b/$relative" || different+=("$relative")
done < <(find "$work/a" -path '*/target/*.jar' ! -path '*/target/central-*' -print0)
[ "$jars" -gt 0 ] || { echo "release: FAILED: no jars built" >&2; exit 1; }
if [ ${#different[@]} -ne 0 ]; then
  printf 'release: FAILED: not reproducible: %s differs between two builds\n' "${different[@]}" >&2
  exit 1
fi
echo "release: reproducible: $jars jars byte-identical between two builds in different folders (second build $(( ($(now) - t) / 1000 )) s)"
