#!/usr/bin/env bash
# Smoke test of a packaged Hälsoläge launcher: runs it with an empty environment (env -i: no
# JAVA_HOME, a PATH with nothing on it, a fresh HOME, no DISPLAY) so only the bundled runtime can
# be used, and checks --version, demo, info and report.
#
#   installer/smoke-test.sh [LAUNCHER]      default: target/installer/image/halsolage/bin/halsolage
#   installer/smoke-test.sh --hide-jdk …    also hides /usr/lib/jvm (and /etc/alternatives/java*)
#                                           in a private mount namespace (Linux, root, unshare)
#   installer/smoke-test.sh --strict …      a 'report' that is still a stub counts as a failure
#
# Exit code 0 when every check passed (a stub 'report' is reported as a known gap unless --strict).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hide_jdk=false; strict=false; launcher=""
while [ $# -gt 0 ]; do
  case "$1" in
    --hide-jdk) hide_jdk=true ;;
    --strict) strict=true ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) launcher="$1" ;;
  esac
  shift
done
launcher="${launcher:-$root/target/installer/image/halsolage/bin/halsolage}"
[ -x "$launcher" ] || { echo "[smoke] FEL: ingen startfil $launcher (kör installer/build.sh --app-image-only)" >&2; exit 2; }
launcher="$(cd "$(dirname "$launcher")" && pwd)/$(basename "$launcher")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/empty-path"
pom_version="$(sed -n '/<\/modelVersion>/,/<properties>/s:.*<version>\([^<]*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"

failures=0; gaps=0
ok() { echo "[smoke] OK    $*"; }
fail() { echo "[smoke] FEL   $*" >&2; failures=$((failures + 1)); }

# Runs the launcher with nothing from our environment; stdout -> $work/out, stderr -> $work/err.
run() {
  local cmd=(env -i HOME="$work/home" PATH="$work/empty-path" LANG=C.UTF-8 "$launcher" "$@")
  if $hide_jdk; then
    # /usr/lib/jvm holds every system JDK on Debian; /etc/alternatives links java/javac there.
    unshare -m sh -c 'mount -t tmpfs none /usr/lib/jvm && exec "$@"' sh "${cmd[@]}" >"$work/out" 2>"$work/err"
  else
    "${cmd[@]}" >"$work/out" 2>"$work/err"
  fi
}

echo "[smoke] startfil: $launcher"
if $hide_jdk; then
  unshare -m sh -c 'mount -t tmpfs none /usr/lib/jvm && ! ls /usr/lib/jvm/*/bin/java >/dev/null 2>&1' \
    && echo "[smoke] /usr/lib/jvm är dold (tom) för testkommandona" \
    || { echo "[smoke] FEL: kunde inte dölja /usr/lib/jvm (kräver root och unshare)" >&2; exit 2; }
fi

# 1. --version prints the pom's version
if run --version && grep -qx "Hälsoläge $pom_version" "$work/out"; then
  ok "--version: $(cat "$work/out")"
else
  fail "--version: väntade 'Hälsoläge $pom_version', fick: $(cat "$work/out" "$work/err")"
fi

# 2. demo builds a workbook (an SQLite file)
wb="$work/exempel.halsa"
if run demo --out "$wb" && [ "$(head -c 15 "$wb" 2>/dev/null)" = "SQLite format 3" ]; then
  ok "demo: $(head -1 "$work/out")"
else
  fail "demo: $(cat "$work/out" "$work/err")"
fi

# 3. info reads it back
if run info "$wb" && grep -q "Exempelby (0799)" "$work/out" && grep -q "^indicators" "$work/out"; then
  ok "info: $(grep -m1 '^Kommun' "$work/out")"
else
  fail "info: $(cat "$work/out" "$work/err")"
fi

# 4. report writes the plan as a Word document (a zip with word/document.xml)
plan="$work/plan.docx"
if run report --workbook "$wb" --out "$plan"; then
  # A DOCX is a zip ("PK") whose directory names word/document.xml (names are stored uncompressed).
  if [ -s "$plan" ] && [ "$(head -c 2 "$plan")" = "PK" ] && grep -aq "word/document.xml" "$plan"; then
    ok "report: $(wc -c <"$plan" | tr -d ' ') byte DOCX; $(head -1 "$work/out")"
  else
    fail "report: avslutades utan fel men $plan är ingen DOCX ($(cat "$work/out" "$work/err"))"
  fi
elif grep -q "finns inte ännu" "$work/err" && ! $strict; then
  echo "[smoke] GLAPP report är ännu inte byggd i den här versionen: $(cat "$work/err")"
  gaps=$((gaps + 1))
else
  fail "report: $(cat "$work/out" "$work/err")"
fi

if [ $failures -gt 0 ]; then
  echo "[smoke] $failures kontroll(er) misslyckades" >&2
  exit 1
fi
echo "[smoke] alla kontroller godkända$([ $gaps -eq 0 ] || echo " ($gaps känt glapp)")"
