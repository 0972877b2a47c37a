#!/bin/sh
# say_fact_test.sh BRUGPUNT ACTIVITY CATALOGUE: each fact made from the catalogue's fields (price,
# when, age, places) is spoken in Arabic by the Arabic voice, non-silent by sox and not the Dutch
# file; in Somali, with no voice and no recording, nothing is written and the output says so; with
# a recorded "ask at the desk" in Somali beside a copy of the catalogue, that recording plays.
set -eu
brugpunt=$1 activity=$2 catalogue=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for field in price when age places; do
    "$brugpunt" --say "$activity" --field "$field" --lang nl --out "$dir/$field-nl.wav" >/dev/null
    out=$("$brugpunt" --say "$activity" --field "$field" --lang ar --out "$dir/$field-ar.wav")
    echo "$out"
    printf '%s\n' "$out" | grep -Eq -- "$field ar: tts, tts\(ar\)" || { echo "$field: not Arabic speech" >&2; exit 1; }
    rms=$(sox "$dir/$field-ar.wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
    echo "sox: $field ar rms $rms"
    awk -v r="$rms" 'BEGIN { exit !(r > 0.02) }' || { echo "$field: silent" >&2; exit 1; }
    if cmp -s "$dir/$field-nl.wav" "$dir/$field-ar.wav"; then echo "$field: Arabic is the Dutch file" >&2; exit 1; fi
done
out=$("$brugpunt" --say "$activity" --field price --lang so --out "$dir/price-so.wav")
echo "$out"
printf '%s\n' "$out" | grep -q "price so: no-voice, nothing played" || { echo "Somali: no report" >&2; exit 1; }
[ ! -e "$dir/price-so.wav" ] || { echo "Somali: a file was written" >&2; exit 1; }
mkdir -p "$dir/bundle/phrases/so"
cp "$catalogue" "$dir/bundle/catalogue.json"
sox -n -r 22050 -c 1 "$dir/bundle/phrases/so/speech.ask_desk.wav" synth 1.5 sine 440 vol 0.3
out=$("$brugpunt" --catalogue "$dir/bundle/catalogue.json" --say "$activity" --field price --lang so --out "$dir/price-so.wav")
echo "$out"
printf '%s\n' "$out" | grep -q "price so: no-voice, clip(so)" || { echo "Somali: the recording was not played" >&2; exit 1; }
[ -s "$dir/price-so.wav" ] || { echo "Somali: no file" >&2; exit 1; }
