#!/bin/sh
# Renders every application icon from the one source, siftbench.svg:
#   png/siftbench-{16..1024}.png  the window icon (views puts them on the classpath) and the Linux installer (512)
#   siftbench.ico                 the Windows launcher and installer: bitmaps up to 128, PNG at 256
#   siftbench.icns                the macOS app bundle and .dmg
# Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and png2icns (icnsutils).
# Run it from anywhere after editing the SVG, then commit the results: the build never renders icons.
set -eu
cd "$(dirname "$0")"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --format png --output "png/siftbench-$size.png" siftbench.svg
done
icotool --create --output siftbench.ico \
  png/siftbench-16.png png/siftbench-24.png png/siftbench-32.png png/siftbench-48.png \
  png/siftbench-64.png png/siftbench-128.png --raw=png/siftbench-256.png
# icns has no 24 or 64 slot; png2icns picks the slot from each PNG's size.
png2icns siftbench.icns png/siftbench-16.png png/siftbench-32.png png/siftbench-48.png \
  png/siftbench-128.png png/siftbench-256.png png/siftbench-512.png png/siftbench-1024.png >/dev/null
echo "render.sh: icons rendered from siftbench.svg"
