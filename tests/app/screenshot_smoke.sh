#!/bin/sh
# screenshot_smoke.sh BRUGPUNT PNG_CHECK OUT_DIR SCREEN WxH
# Renders SCREEN under Xvfb with the kiosk's --screenshot option and checks the PNG.
set -eu
brugpunt=$1 check=$2 out=$3 screen=$4 size=$5
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (apt-get install xvfb xauth)" >&2; exit 1; }
mkdir -p "$out"
png="$out/$(echo "$screen" | tr ':' '-')-$size.png"
rm -f "$png"
xvfb-run -a -s "-screen 0 1920x1080x24" "$brugpunt" --screenshot "$png" --screen "$screen" --size "$size"
"$check" "$png" "${size%x*}" "${size#*x}"
