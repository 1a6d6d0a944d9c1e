#!/usr/bin/env bash
# Regenerates the icons in installer/icons from MakeIcons.java (Java2D, no drawing program needed).
#   installer/icons/make-icons.sh          PNGs for Linux and the .ico files for Windows (ImageMagick)
#   installer/icons/make-icons.sh --icns   also the macOS .icns files (on a Mac: needs iconutil)
# The generated files are committed, so a normal build does not need to run this.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$java_bin" "$here/MakeIcons.java" "$work"
cp "$work/halsolage-512.png" "$here/halsolage.png"
cp "$work/halsa-128.png" "$here/halsa.png"   # Linux installs it as the 128x128 mimetype icon

im=""
command -v convert >/dev/null 2>&1 && im=convert
command -v magick >/dev/null 2>&1 && im=magick
for base in halsolage halsa; do
  if [ -n "$im" ]; then
    "$im" "$work/$base-16.png" "$work/$base-24.png" "$work/$base-32.png" "$work/$base-48.png" \
          "$work/$base-64.png" "$work/$base-128.png" "$work/$base-256.png" "$here/$base.ico"
  else
    echo "ImageMagick saknas: $base.ico gjordes inte om." >&2
  fi
done

if [ "${1:-}" = "--icns" ]; then
  command -v iconutil >/dev/null 2>&1 || { echo "iconutil finns bara på macOS (Xcode command line tools)." >&2; exit 2; }
  for base in halsolage halsa; do
    set="$work/$base.iconset"; mkdir -p "$set"
    for s in 16 32 128 256 512; do
      cp "$work/$base-$s.png" "$set/icon_${s}x${s}.png"
      cp "$work/$base-$((s * 2)).png" "$set/icon_${s}x${s}@2x.png"
    done
    iconutil -c icns -o "$here/$base.icns" "$set"
  done
fi
ls -l "$here"/halsolage.* "$here"/halsa.*
