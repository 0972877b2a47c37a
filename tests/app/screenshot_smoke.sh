#!/bin/sh
# screenshot_smoke.sh BRUGPUNT PNG_CHECK OUT_DIR SCREEN WxH [LANG]
# Renders SCREEN under Xvfb with the kiosk's --screenshot option and checks the PNG. With LANG,
# the visitor has chosen that language and turned subtitles on.
set -eu
brugpunt=$1 check=$2 out=$3 screen=$4 size=$5 lang=${6:-}
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (apt-get install xvfb xauth)" >&2; exit 1; }
mkdir -p "$out"
png="$out/$(echo "$screen" | tr ':' '-')-$size${lang:+-$lang}.png"
rm -f "$png"
# shellcheck disable=SC2046
xvfb-run -a -s "-screen 0 1920x1080x24" "$brugpunt" --screenshot "$png" --screen "$screen" --size "$size" \
    $([ -n "$lang" ] && echo --lang "$lang" --subtitles)
"$check" "$png" "${size%x*}" "${size#*x}"
