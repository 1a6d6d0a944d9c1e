#!/usr/bin/env bash
# Builds the self-contained Hälsoläge installer for the current OS (Linux or macOS) with jlink + jpackage.
#
#   installer/build.sh                   Linux: app image + .deb     macOS: app image + .dmg
#   installer/build.sh --app-image-only  only the app image (what CI builds and smoke-tests)
#   installer/build.sh --type rpm        Linux: an .rpm instead of the .deb (needs rpmbuild)
#   installer/build.sh --skip-jar        use target/halsolage.jar + target/lib as they are (no mvn)
#   installer/build.sh --if-available    exit 0 with a message when this JDK has no jpackage/jmods
#   installer/build.sh --smoke-test      afterwards run installer/smoke-test.sh on the app image
#
# Output: target/installer/runtime (jlink), target/installer/image/<name> (app image),
#         target/installer/dist/ (.deb/.rpm/.dmg).
# JDK: $JPACKAGE_HOME, else $JAVA_HOME, else (macOS) /usr/libexec/java_home -v 17+, else the JDK
# of `javac` on PATH; it needs bin/jlink, bin/jpackage and jmods/ (JDK 17+).
# On Windows use installer\build.ps1 (or build.cmd). See installer/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

app_image_only=false; skip_jar=false; smoke_test=false; if_available=false; pkg_type=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app-image-only) app_image_only=true ;;
    --skip-jar) skip_jar=true ;;
    --if-available) if_available=true ;;
    --smoke-test) smoke_test=true ;;
    --type) pkg_type="${2:?--type needs a value (deb, rpm, dmg, pkg)}"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: okänt argument '$1' (se --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '[installer] %s\n' "$*" >&2; }
unavailable() {
  if $if_available; then say "HOPPAR ÖVER installationspaketet: $*"; exit 0; fi
  say "FEL: $*"; exit 2
}
start_s=$(date +%s)

# --- which OS ---------------------------------------------------------------------------------
case "$(uname -s)" in
  Linux) os=linux; name=halsolage; default_type=deb ;;
  Darwin) os=macos; name=Halsolage; default_type=dmg ;;
  *) unavailable "build.sh är för Linux och macOS; på Windows: powershell -File installer\\build.ps1" ;;
esac
pkg_type="${pkg_type:-$default_type}"

# --- which JDK --------------------------------------------------------------------------------
jdk="${JPACKAGE_HOME:-${JAVA_HOME:-}}"
if [ -z "$jdk" ] && [ "$os" = macos ] && [ -x /usr/libexec/java_home ]; then
  jdk="$(/usr/libexec/java_home -v 17+ 2>/dev/null || true)"
fi
if [ -z "$jdk" ] && command -v javac >/dev/null 2>&1; then
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
[ -n "$jdk" ] || unavailable "ingen JDK hittad (sätt JAVA_HOME till en JDK 17 eller nyare)"
for tool in jlink jpackage jdeps; do
  [ -x "$jdk/bin/$tool" ] || unavailable "$jdk saknar bin/$tool (jpackage finns i JDK 17+; på Debian: openjdk-17-jdk)"
done
[ -d "$jdk/jmods" ] || unavailable "$jdk saknar jmods/ (jlink behöver dem; på Debian: openjdk-17-jdk, inte bara -headless)"
jdk_version="$("$jdk/bin/jlink" --version)"
say "JDK: $jdk ($jdk_version)"

# --- version from the pom (numeric, as jpackage requires) ------------------------------------
pom_version="$(sed -n '/<\/modelVersion>/,/<properties>/s:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)"
app_version="${pom_version%%-*}"   # 1.2.0-SNAPSHOT -> 1.2.0
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || unavailable "versionen i pom.xml ('$pom_version') är inte numerisk (t.ex. 1.2.0)"
if [ "$os" = macos ] && [[ "$app_version" == 0* ]]; then
  # macOS (CFBundleVersion) refuses a first number of 0. MAC_APP_VERSION overrides for test builds.
  [ -n "${MAC_APP_VERSION:-}" ] || unavailable "macOS kräver att versionen börjar med ett tal större än 0 (pom: $pom_version). Sätt MAC_APP_VERSION=1.0.0 för en testbyggnad, eller höj versionen i pom.xml."
  app_version="$MAC_APP_VERSION"
fi
say "version: $app_version (pom: $pom_version)"

# --- the application jar ----------------------------------------------------------------------
jar=target/halsolage.jar
stale() {
  [ ! -f "$jar" ] || [ ! -d target/lib ] && return 0
  [ -n "$(find pom.xml src/main resources -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}
if ! $skip_jar && stale; then
  command -v mvn >/dev/null 2>&1 || unavailable "target/halsolage.jar saknas eller är gammal och Maven (mvn) finns inte"
  say "bygger $jar (mvn -B -DskipTests package) …"
  mvn -B -q -DskipTests package >&2
fi
[ -f "$jar" ] && [ -d target/lib ] || unavailable "$jar eller target/lib saknas (kör mvn -B -DskipTests package)"
if command -v unzip >/dev/null 2>&1; then
  jar_version="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
  [ "$jar_version" = "$pom_version" ] || say "VARNING: jarfilen har version '$jar_version' men pom.xml '$pom_version' (bygg om jarfilen)"
fi

out=target/installer
mkdir -p "$out"

# --- modules: jdeps + installer/modules.txt ---------------------------------------------------
listed="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/modules.txt" | grep -v '^$' | paste -sd, -)"
jdeps_cache="$out/jdeps.txt"   # reused while no jar is newer than it (jdeps takes a while)
if [ -s "$jdeps_cache" ] && [ -z "$(find "$jar" target/lib -newer "$jdeps_cache" -name '*.jar' -print -quit)" ]; then
  found="$(cat "$jdeps_cache")"
else
  found="$("$jdk/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps --recursive \
            --class-path "target/lib/*" "$jar" 2>/dev/null | tail -1 || true)"
  [[ "$found" =~ ^[a-z.,]+$ ]] && echo "$found" > "$jdeps_cache"
fi
if [[ ! "$found" =~ ^[a-z.,]+$ ]]; then say "VARNING: jdeps gav inget resultat; använder bara installer/modules.txt"; found=""; fi
modules="$(printf '%s,%s' "$listed" "$found" | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)"
extra="$(comm -13 <(echo "$listed" | tr ',' '\n' | sort -u) <(echo "$found" | tr ',' '\n' | grep -v '^$' | sort -u) | paste -sd, -)"
[ -z "$extra" ] || say "jdeps hittade moduler som inte står i installer/modules.txt: $extra (tas med; lägg gärna till dem i listan)"

# --- trimmed runtime (jlink), reused while the JDK and the module list are the same ------------
runtime="$out/runtime"
stamp="$jdk $jdk_version $modules"
if [ -f "$out/runtime.stamp" ] && [ "$(cat "$out/runtime.stamp")" = "$stamp" ] && [ -x "$runtime/bin/java" ]; then
  say "runtime: återanvänder $runtime"
else
  say "jlink: $modules"
  rm -rf "$runtime" "$out/runtime.stamp"
  "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
    --include-locales=sv,sv-SE,en,en-US \
    --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$runtime"
  echo "$stamp" > "$out/runtime.stamp"
fi

# --- jpackage input: the jar and its class-path jars (manifest Class-Path: lib/…) -------------
input="$out/input"
rm -rf "$input"; mkdir -p "$input/lib"
cp "$jar" "$input/"
cp target/lib/*.jar "$input/lib/"

description="Folkhälsodata, insatser och Strategi för hälsa för kommunens folkhälsosamordnare"
vendor="Hälsoläge"
# Options for every jpackage step; the app-image step adds @installer/jpackage.common (main jar,
# main class, java options), which jpackage refuses when it packages an existing app image.
common=(--name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description")
license=()
for f in LICENSE LICENSE.txt LICENSE.md; do [ -f "$f" ] && { license=(--license-file "$f"); break; }; done

# --- app image --------------------------------------------------------------------------------
image_dir="$out/image"
rm -rf "$image_dir"; mkdir -p "$image_dir"
icon=(); app_image_extra=()
case "$os" in
  linux) icon=(--icon "$here/icons/halsolage.png") ;;
  macos)
    if [ ! -f "$here/icons/halsolage.icns" ] || [ ! -f "$here/icons/halsa.icns" ]; then
      say "gör .icns-ikonerna (iconutil) …"; "$here/icons/make-icons.sh" --icns >&2
    fi
    icon=(--icon "$here/icons/halsolage.icns")
    # On macOS the file association lives in the app bundle's Info.plist, written in this step.
    app_image_extra=(--mac-package-identifier se.halsolage.app --mac-package-name "Hälsoläge"
                     --file-associations "$here/macos/halsa.properties") ;;
esac
say "jpackage: app image …"
"$jdk/bin/jpackage" --type app-image @"$here/jpackage.common" "${common[@]}" "${icon[@]}" "${app_image_extra[@]}" \
  --input "$input" --runtime-image "$runtime" --dest "$image_dir"
if [ "$os" = macos ]; then image="$image_dir/$name.app"; else image="$image_dir/$name"; fi

# --- native package ---------------------------------------------------------------------------
package=""
if ! $app_image_only; then
  dist="$out/dist"; mkdir -p "$dist"
  case "$os" in
    linux)
      if [ "$pkg_type" = deb ]; then
        for t in dpkg-deb fakeroot; do command -v $t >/dev/null 2>&1 || unavailable "$t saknas (apt-get install dpkg-dev fakeroot)"; done
      else
        command -v rpmbuild >/dev/null 2>&1 || unavailable "rpmbuild saknas (apt-get install rpm)"
      fi
      rm -f "$dist"/*."$pkg_type"
      say "jpackage: .$pkg_type …"
      "$jdk/bin/jpackage" --type "$pkg_type" "${common[@]}" "${license[@]}" --app-image "$image" --dest "$dist" \
        --file-associations "$here/linux/halsa.properties" \
        --resource-dir "$here/linux/resources" \
        --icon "$here/icons/halsolage.png" \
        --linux-package-name halsolage \
        --linux-deb-maintainer "halsolage@example.se" \
        --linux-menu-group "Office;" \
        --linux-app-category misc \
        --linux-app-release 1 \
        --linux-shortcut \
        --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libxxf86vm1, libgl1"
      ;;
    macos)
      rm -f "$dist"/*.dmg "$dist"/*.pkg
      say "jpackage: .$pkg_type …"
      "$jdk/bin/jpackage" --type "$pkg_type" "${common[@]}" "${license[@]}" --app-image "$image" --dest "$dist" \
        --mac-package-identifier se.halsolage.app --mac-package-name "Hälsoläge"
      ;;
  esac
  package="$(ls -1t "$dist"/*."$pkg_type" | head -1)"
fi

# --- smoke test of the packaged launcher ------------------------------------------------------
if $smoke_test; then
  [ "$os" = linux ] || unavailable "--smoke-test finns bara för Linux"
  "$here/smoke-test.sh" "$image/bin/$name"
fi

# --- report -----------------------------------------------------------------------------------
size() { du -sh "$1" | cut -f1; }
launcher="$image/bin/$name"; [ "$os" = macos ] && launcher="$image/Contents/MacOS/$name"
say "klart på $(( $(date +%s) - start_s )) s"
say "  runtime (jlink): $runtime  $(size "$runtime")"
say "  app image:       $image  $(size "$image")"
say "  starta:          $launcher --version"
[ -z "$package" ] || say "  paket:           $package  $(size "$package")"
