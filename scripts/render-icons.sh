#!/usr/bin/env bash
# Renders assets/icons/medpics-desk.svg into the PNG sizes of the hicolor theme (rsvg-convert, Debian librsvg2-bin).
set -euo pipefail
ICONS="$(cd "$(dirname "$0")/../assets/icons" && pwd)"
for size in 16 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" "$ICONS/medpics-desk.svg" -o "$ICONS/medpics-desk-$size.png"
done
echo "render-icons: PNGs in $ICONS"
