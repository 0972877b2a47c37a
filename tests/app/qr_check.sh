#!/bin/sh
# qr_check.sh BRUGPUNT OUT_DIR WxH [LANG]
# Renders the confirmation under Xvfb with the kiosk's --screenshot, reads the QR code off the PNG
# with zbarimg (as a phone camera would, no network) and checks that it holds the reference code
# the screen shows, the activity's practical details and the desk's phone.
set -eu
brugpunt=$1 out=$2 size=$3 lang=${4:-}
command -v zbarimg >/dev/null || { echo "zbarimg missing (apt-get install zbar-tools)" >&2; exit 1; }
mkdir -p "$out"
png="$out/qr-done-$size${lang:+-$lang}.png"
rm -f "$png"
# shellcheck disable=SC2046
xvfb-run -a -s "-screen 0 1920x1080x24" "$brugpunt" --screenshot "$png" --screen appointment:done \
    --size "$size" $([ -n "$lang" ] && echo --lang "$lang" --subtitles)
text=$(zbarimg -q --raw "$png" 2>/dev/null) || { echo "no QR code could be read off $png" >&2; exit 1; }
for want in "K7Q-4XM" "Wanneer: woensdag 14:00 - 15:00" "Waar: Voetbalveld De Meersen" "Balie: " "09 000 12 00"; do
    case "$text" in
        *"$want"*) ;;
        *) printf 'the QR code of %s lacks "%s"; it reads:\n%s\n' "$png" "$want" "$text" >&2; exit 1 ;;
    esac
done
echo "QR code read off $png: $(printf '%s' "$text" | wc -c) bytes, with the reference K7Q-4XM"
